import Foundation

/// A value as templates see it: what `ContextEncoder` makes of typed template data, and all a render
/// reads. Each case is checked once, with a `switch`, where swift-mustache cast every value it looked up.
indirect enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case integer(Int)
    case number(Double)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// Whether `{{#name}}` renders (and `{{^name}}` does not): everything but `false` and an empty list.
    /// A missing key is falsey too; an empty string is not (as in swift-mustache, which the theme was written for).
    var isTruthy: Bool {
        switch self {
        case .flag(let flag): return flag
        case .list(let items): return !items.isEmpty
        default: return true
        }
    }

    /// The value of `key` when this is an object.
    subscript(key: String) -> TemplateValue? {
        if case .object(let fields) = self { return fields[key] }
        return nil
    }

    /// What `{{name}}` writes before escaping. Lists and objects write nothing: they are for sections.
    var interpolated: String {
        switch self {
        case .text(let text): return text
        case .flag(let flag): return flag ? "true" : "false"
        case .integer(let number): return String(number)
        case .number(let number): return String(number)
        case .list, .object: return ""
        }
    }

    /// The value named by a transform, `{{#first(services)}}`: the transforms swift-mustache offered, so
    /// themes written for it keep working. Nil for a transform this kind of value does not have.
    func transformed(by name: String) -> TemplateValue? {
        switch self {
        case .text(let text):
            switch name {
            case "empty": return .flag(text.isEmpty)
            case "capitalized": return .text(text.capitalized)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "reversed": return .text(String(text.reversed()))
            default: return nil
            }
        case .list(let items):
            switch name {
            case "first": return items.first
            case "last": return items.last
            case "reversed": return .list(items.reversed())
            case "count": return .integer(items.count)
            case "empty": return .flag(items.isEmpty)
            case "sorted": return Self.sorted(items).map(TemplateValue.list)
            default: return nil
            }
        case .object(let fields):
            switch name {
            case "count": return .integer(fields.count)
            case "empty": return .flag(fields.isEmpty)
            case "enumerated", "sorted":
                return .list(fields.sorted { $0.key < $1.key }.map { .object(["key": .text($0.key), "value": $0.value]) })
            default: return nil
            }
        case .integer(let number):
            switch name {
            case "equalzero": return .flag(number == 0)
            case "plusone": return .integer(number &+ 1)
            case "minusone": return .integer(number &- 1)
            case "even": return .flag(number & 1 == 0)
            case "odd": return .flag(number & 1 == 1)
            default: return nil
            }
        case .flag, .number:
            return nil
        }
    }

    /// A list of texts or of numbers in order; nil for any other list (it has no order).
    private static func sorted(_ items: [TemplateValue]) -> [TemplateValue]? {
        if let texts = items.all({ if case .text(let text) = $0 { text } else { nil } }) {
            return texts.sorted().map(TemplateValue.text)
        }
        if let numbers = items.all({ if case .integer(let number) = $0 { number } else { nil } }) {
            return numbers.sorted().map(TemplateValue.integer)
        }
        return nil
    }
}

private extension Array where Element == TemplateValue {
    /// What `extract` finds in every item; nil when one item has none.
    func all<Found>(_ extract: (TemplateValue) -> Found?) -> [Found]? {
        var found: [Found] = []
        for item in self {
            guard let value = extract(item) else { return nil }
            found.append(value)
        }
        return found
    }
}
