/// Turns typed template data into the dictionaries and arrays that swift-mustache renders: the one
/// place where typed values become `Any`. Property names become snake_case keys (`headTitle` is
/// `head_title`), nil values are left out, and so are empty lists, so `{{#list}}` skips them.
enum ContextEncoder {
    static func encode<T: Encodable>(_ value: T) -> Any {
        let node = ContextNode()
        do {
            try value.encode(to: ContextNodeEncoder(node: node))
        } catch {
            // Template data holds only strings, numbers, booleans, lists and nested data: encoding cannot fail.
            preconditionFailure("template data could not be encoded: \(error)")
        }
        return node.resolved() ?? [String: Any]()
    }

    /// The template data of a page: a dictionary at the top.
    static func dictionary<T: Encodable>(_ value: T) -> [String: Any] {
        encode(value) as? [String: Any] ?? [:]
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
struct Prebuilt: Encodable, @unchecked Sendable {
    /// Strings, booleans, numbers, and arrays and dictionaries of them, never changed once made.
    let value: Any

    init<T: Encodable>(_ typed: T) { value = ContextEncoder.encode(typed) }

    func encode(to encoder: Encoder) throws {
        guard let encoder = encoder as? ContextNodeEncoder else { return }
        encoder.node.content = .value(value)
    }
}

final class ContextNode {
    enum Content { case empty, value(Any), keyed([String: ContextNode]), unkeyed([ContextNode]) }
    var content = Content.empty

    func resolved() -> Any? {
        switch content {
        case .empty: return nil
        case .value(let value): return value
        case .keyed(let children):
            var dictionary: [String: Any] = [:]
            for (key, child) in children { if let value = child.resolved() { dictionary[key] = value } }
            return dictionary
        case .unkeyed(let items):
            let values = items.compactMap { $0.resolved() }
            return values.isEmpty ? nil : values
        }
    }

    // Both take the collection out of `content` before changing it, so it is changed in place rather
    // than copied at every key or item (which made a list of n items cost n * n).
    func child(_ key: String) -> ContextNode {
        var children: [String: ContextNode] = [:]
        if case .keyed(let existing) = content { children = existing }
        content = .empty
        let node = children[key] ?? ContextNode()
        children[key] = node
        content = .keyed(children)
        return node
    }

    func appendItem() -> ContextNode {
        var items: [ContextNode] = []
        if case .unkeyed(let existing) = content { items = existing }
        content = .empty
        let node = ContextNode()
        items.append(node)
        content = .unkeyed(items)
        return node
    }

    func store<T: Encodable>(_ value: T) throws {
        switch value {
        case let text as String: content = .value(text)
        case let flag as Bool: content = .value(flag)
        case let number as Int: content = .value(number)
        case let number as Double: content = .value(number)
        default: try value.encode(to: ContextNodeEncoder(node: self))
        }
    }
}

struct ContextNodeEncoder: Encoder {
    let node: ContextNode
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = node.content {} else { node.content = .keyed([:]) }
        return KeyedEncodingContainer(KeyedNodeContainer<Key>(node: node))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .unkeyed = node.content {} else { node.content = .unkeyed([]) }
        return UnkeyedNodeContainer(node: node)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleNodeContainer(node: node) }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let node: ContextNode
    var codingPath: [CodingKey] = []

    private func child(_ key: Key) -> ContextNode { node.child(ContextEncoder.snakeCase(key.stringValue)) }
    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) { child(key).content = .value(value) }
    mutating func encode(_ value: String, forKey key: Key) { child(key).content = .value(value) }
    mutating func encode(_ value: Double, forKey key: Key) { child(key).content = .value(value) }
    mutating func encode(_ value: Float, forKey key: Key) { child(key).content = .value(Double(value)) }
    mutating func encode(_ value: Int, forKey key: Key) { child(key).content = .value(value) }
    mutating func encode(_ value: Int8, forKey key: Key) { child(key).content = .value(Int(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) { child(key).content = .value(Int(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) { child(key).content = .value(Int(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) { child(key).content = .value(value) }
    mutating func encode(_ value: UInt, forKey key: Key) { child(key).content = .value(value) }
    mutating func encode(_ value: UInt8, forKey key: Key) { child(key).content = .value(Int(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) { child(key).content = .value(Int(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) { child(key).content = .value(Int(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) { child(key).content = .value(value) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try child(key).store(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ContextNodeEncoder(node: child(key)).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer { ContextNodeEncoder(node: child(key)).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { ContextNodeEncoder(node: node) }
    mutating func superEncoder(forKey key: Key) -> Encoder { ContextNodeEncoder(node: child(key)) }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let node: ContextNode
    var codingPath: [CodingKey] = []
    var count: Int {
        if case .unkeyed(let items) = node.content { return items.count }
        return 0
    }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) throws { try node.appendItem().store(value) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ContextNodeEncoder(node: node.appendItem()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { ContextNodeEncoder(node: node.appendItem()).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { ContextNodeEncoder(node: node.appendItem()) }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let node: ContextNode
    var codingPath: [CodingKey] = []

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value) }
}
