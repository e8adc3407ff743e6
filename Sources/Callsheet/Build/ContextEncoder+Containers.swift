/// What one value encodes into: a dictionary or an array filled in place, or a single value. A nested
/// container asked for by hand (no synthesized `Encodable` does) is a slot of its own, read at the end.
final class ContextSlot {
    enum Content { case empty, value(TemplateValue), keyed([String: TemplateValue]), unkeyed([TemplateValue]) }
    var content = Content.empty
    private var nested: [String: ContextSlot] = [:]
    private var nestedItems: [(index: Int, slot: ContextSlot)] = []

    func resolved() -> TemplateValue? {
        switch content {
        case .empty: return nil
        case .value(let value): return value
        case .keyed(var dictionary):
            for (key, slot) in nested { dictionary[key] = slot.resolved() }
            return .object(dictionary)
        case .unkeyed(var items):
            for (index, slot) in nestedItems.reversed() {
                if let value = slot.resolved() { items.insert(value, at: index) }
            }
            return items.isEmpty ? nil : .list(items)
        }
    }

    // Both take the collection out of `content` before changing it, so it is changed in place rather
    // than copied at every key or item (which made a list of n items cost n * n).
    func set(_ key: String, _ value: TemplateValue?) {
        var dictionary: [String: TemplateValue] = [:]
        if case .keyed(let existing) = content { dictionary = existing }
        content = .empty
        dictionary[key] = value
        nested[key] = nil
        content = .keyed(dictionary)
    }

    func append(_ value: TemplateValue?) {
        var items: [TemplateValue] = []
        if case .unkeyed(let existing) = content { items = existing }
        content = .empty
        if let value { items.append(value) }
        content = .unkeyed(items)
    }

    var count: Int {
        if case .unkeyed(let items) = content { return items.count + nestedItems.count }
        return 0
    }

    func nestedSlot(_ key: String) -> ContextSlot {
        set(key, nil)
        let slot = ContextSlot()
        nested[key] = slot
        return slot
    }

    func nestedItem() -> ContextSlot {
        if case .unkeyed = content {} else { content = .unkeyed([]) }
        let slot = ContextSlot()
        if case .unkeyed(let items) = content { nestedItems.append((items.count, slot)) }
        return slot
    }
}

struct ContextSlotEncoder: Encoder {
    let slot: ContextSlot
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .keyed = slot.content {} else { slot.content = .keyed([:]) }
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .unkeyed = slot.content {} else { slot.content = .unkeyed([]) }
        return UnkeyedSlotContainer(slot: slot)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleSlotContainer(slot: slot) }
}

struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: ContextSlot
    var codingPath: [CodingKey] = []

    private func set(_ value: TemplateValue?, _ key: Key) { slot.set(ContextEncoder.snakeCase(key.stringValue), value) }
    private func set<Number: BinaryInteger>(integer value: Number, _ key: Key) { set(.integer(Int(truncatingIfNeeded: value)), key) }
    mutating func encodeNil(forKey key: Key) {}
    mutating func encode(_ value: Bool, forKey key: Key) { set(.flag(value), key) }
    mutating func encode(_ value: String, forKey key: Key) { set(.text(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) { set(.number(value), key) }
    mutating func encode(_ value: Float, forKey key: Key) { set(.number(Double(value)), key) }
    mutating func encode(_ value: Int, forKey key: Key) { set(.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) { set(integer: value, key) }
    mutating func encode(_ value: Int16, forKey key: Key) { set(integer: value, key) }
    mutating func encode(_ value: Int32, forKey key: Key) { set(integer: value, key) }
    mutating func encode(_ value: Int64, forKey key: Key) { set(integer: value, key) }
    mutating func encode(_ value: UInt, forKey key: Key) { set(integer: value, key) }
    mutating func encode(_ value: UInt8, forKey key: Key) { set(integer: value, key) }
    mutating func encode(_ value: UInt16, forKey key: Key) { set(integer: value, key) }
    mutating func encode(_ value: UInt32, forKey key: Key) { set(integer: value, key) }
    mutating func encode(_ value: UInt64, forKey key: Key) { set(integer: value, key) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { set(ContextEncoder.convert(value), key) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        ContextSlotEncoder(slot: slot.nestedSlot(ContextEncoder.snakeCase(key.stringValue))).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        ContextSlotEncoder(slot: slot.nestedSlot(ContextEncoder.snakeCase(key.stringValue))).unkeyedContainer()
    }
    mutating func superEncoder() -> Encoder { ContextSlotEncoder(slot: slot) }
    mutating func superEncoder(forKey key: Key) -> Encoder { ContextSlotEncoder(slot: slot.nestedSlot(ContextEncoder.snakeCase(key.stringValue))) }
}

struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: ContextSlot
    var codingPath: [CodingKey] = []
    var count: Int { slot.count }

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) throws { slot.append(ContextEncoder.convert(value)) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        ContextSlotEncoder(slot: slot.nestedItem()).container(keyedBy: keyType)
    }
    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer { ContextSlotEncoder(slot: slot.nestedItem()).unkeyedContainer() }
    mutating func superEncoder() -> Encoder { ContextSlotEncoder(slot: slot.nestedItem()) }
}

struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: ContextSlot
    var codingPath: [CodingKey] = []

    mutating func encodeNil() {}
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let converted = ContextEncoder.convert(value) { slot.content = .value(converted) }
    }
}
