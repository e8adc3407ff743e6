/// Turns typed template data into `TemplateValue`s, what the template renderer reads: the one place
/// where typed values lose their types. Property names become snake_case keys (`headTitle` is
/// `head_title`), nil values are left out, and so are empty lists, so `{{#list}}` skips them.
/// Each value is turned into its template form as soon as it is encoded (a dictionary or array is
/// filled in place), so no tree of intermediate nodes is built and torn down for every page.
enum ContextEncoder {
    static func encode<T: Encodable>(_ value: T) -> TemplateValue {
        convert(value) ?? .object([:])
    }

    /// The template form of one value; nil for a value that is left out (nothing, or an empty list).
    static func convert<T: Encodable>(_ value: T) -> TemplateValue? {
        switch value {
        case let text as String: return .text(text)
        case let flag as Bool: return .flag(flag)
        case let number as Int: return .integer(number)
        case let number as Double: return .number(number)
        case let prebuilt as Prebuilt: return prebuilt.value
        default:
            let slot = ContextSlot()
            do {
                try value.encode(to: ContextSlotEncoder(slot: slot))
            } catch {
                // Template data holds only strings, numbers, booleans, lists and nested data: encoding cannot fail.
                preconditionFailure("template data could not be encoded: \(error)")
            }
            return slot.resolved()
        }
    }

    /// `camelCase` to `snake_case`.
    /// Property names are ASCII, so this looks at bytes (it runs for every key of every page).
    static func snakeCase(_ name: String) -> String {
        let upper = UInt8(ascii: "A")...UInt8(ascii: "Z")
        guard name.utf8.contains(where: upper.contains) else { return name }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count + 4)
        for byte in name.utf8 {
            if upper.contains(byte) {
                bytes.append(UInt8(ascii: "_"))
                bytes.append(byte + 32)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A value already in template form (a list shared by every page, built once); encoded as it is.
struct Prebuilt: Encodable, Sendable {
    let value: TemplateValue

    init<T: Encodable>(_ typed: T) { value = ContextEncoder.encode(typed) }

    func encode(to encoder: Encoder) throws {
        guard let encoder = encoder as? ContextSlotEncoder else { return }
        encoder.slot.content = .value(value)
    }
}
