extension YAMLValue {
    /// Reads front matter made only of `key: plain value` lines (the usual case) without the YAML
    /// library, which costs more than the rest of reading a page. Anything else (lists, nesting, quotes,
    /// block scalars, comments after values, repeated keys) returns nil and goes through Yams, so the
    /// result is always the one YAML gives.
    static func parseSimpleMapping(_ text: String, path: String, lineOffset: Int) -> YAMLValue? {
        var entries: [Entry] = []
        var keys = Set<String>()
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let bytes = line.utf8
            if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 }) || bytes.first == UInt8(ascii: "#") { continue }
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let key = line[line.startIndex..<colon]
            guard !key.isEmpty, key.utf8.allSatisfy({ isKeyByte($0) }), keys.insert(String(key)).inserted else { return nil }
            let afterColon = line[line.index(after: colon)...]
            guard afterColon.isEmpty || afterColon.utf8.first == 0x20 else { return nil }
            let value = afterColon.drop { $0 == " " }
            let valueColumn = line.utf8.distance(from: line.startIndex, to: value.startIndex) + 1
            let keyLocation = SourceLocation(path: path, line: lineNumber + lineOffset, column: 1)
            let trimmed = value.reversed().drop { $0 == " " }
            let plain = String(trimmed.reversed())
            guard isPlainScalar(plain) else { return nil }
            let location = SourceLocation(path: path, line: lineNumber + lineOffset, column: valueColumn)
            let kind: Kind = ["", "~", "null", "Null", "NULL"].contains(plain) ? .null : .scalar(plain, isPlain: true)
            entries.append(Entry(key: String(key), keyLocation: keyLocation, value: YAMLValue(kind: kind, location: location)))
        }
        guard !entries.isEmpty else { return nil }
        return YAMLValue(kind: .mapping(entries), location: entries[0].keyLocation)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
    }

    /// A value YAML reads as plain text, exactly as written: no indicator at its start, no `: ` or ` #`
    /// inside, no tab, nothing that YAML would turn into anything but the same string.
    private static func isPlainScalar(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first else { return true }
        let indicators: Set<UInt8> = Set("[]{}\"'|>&*!%@`#,?-:".utf8)
        if indicators.contains(first) { return false }
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 { return false }
            if byte == UInt8(ascii: ":"), index + 1 == bytes.count || bytes[index + 1] == 0x20 { return false }
            if byte == UInt8(ascii: "#"), index > 0, bytes[index - 1] == 0x20 { return false }
        }
        return true
    }
}
