extension YAMLValue {
    /// Reads front matter made only of `key: plain value` lines (the usual case) without the YAML
    /// library, which costs more than the rest of reading a page; a value in quotes with nothing to
    /// decode inside is read here too, and so is a list of plain words on one line (`[a, b]`). Anything
    /// else (block lists, nesting, escapes, block scalars, comments after values, repeated keys) returns
    /// nil and goes through Yams, so the result is always the one YAML gives.
    static func parseSimpleMapping(_ text: String, path: String, lineOffset: Int) -> YAMLValue? {
        var text = text
        return text.withUTF8 { bytes in parseSimpleMapping(bytes, path: path, lineOffset: lineOffset) }
    }

    private static func parseSimpleMapping(_ bytes: UnsafeBufferPointer<UInt8>, path: String, lineOffset: Int) -> YAMLValue? {
        var entries: [Entry] = []
        var keys = Set<String>()
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            lineNumber += 1
            defer { start = end + 1 }
            // Blank lines and whole-line comments.
            var firstSolid = start
            while firstSolid < end, bytes[firstSolid] == 0x20 { firstSolid += 1 }
            if firstSolid == end { continue }
            if firstSolid == start && bytes[start] == UInt8(ascii: "#") {
                // libyaml checks every character, comments too.
                for index in start..<end where bytes[index] != 0x09 && !isOrdinaryByte(bytes, at: index) { return nil }
                continue
            }
            var colon = start
            while colon < end, isKeyByte(bytes[colon]) { colon += 1 }
            // libyaml gives up on a key longer than 1,024 characters.
            guard colon > start, colon < end, colon - start <= 1000, bytes[colon] == UInt8(ascii: ":") else { return nil }
            guard colon + 1 == end || bytes[colon + 1] == 0x20 else { return nil }
            let key = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<colon]), as: UTF8.self)
            guard keys.insert(key).inserted else { return nil }
            var valueStart = colon + 1
            while valueStart < end, bytes[valueStart] == 0x20 { valueStart += 1 }
            var valueEnd = end
            while valueEnd > valueStart, bytes[valueEnd - 1] == 0x20 { valueEnd -= 1 }
            let value = UnsafeBufferPointer(rebasing: bytes[valueStart..<valueEnd])
            let kind: Kind
            if let quoted = quotedScalar(value) {
                kind = .scalar(quoted, isPlain: false)
            } else if value.first == UInt8(ascii: "[") {
                guard let items = flowSequence(value, line: lineNumber + lineOffset, path: path,
                                               column: characterColumn(bytes, from: start, to: valueStart)) else { return nil }
                kind = .sequence(items)
            } else {
                guard isPlainScalar(value) else { return nil }
                let plain = String(decoding: value, as: UTF8.self)
                kind = nullWords.contains(plain) ? .null : .scalar(plain, isPlain: true)
            }
            let keyLocation = SourceLocation(path: path, line: lineNumber + lineOffset, column: 1)
            // An empty value is placed right after the colon, as Yams places it.
            let column = valueStart == valueEnd ? colon - start + 2 : valueStart - start + 1
            let location = SourceLocation(path: path, line: lineNumber + lineOffset, column: column)
            entries.append(Entry(key: key, keyLocation: keyLocation, value: YAMLValue(kind: kind, location: location)))
        }
        guard !entries.isEmpty else { return nil }
        return YAMLValue(kind: .mapping(entries), location: entries[0].keyLocation)
    }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == 0x5F
    }

    private static let indicators: Set<UInt8> = Set("[]{}\"'|>&*!%@`#,?-:".utf8)

    /// A value YAML reads as plain text, exactly as written: no indicator at its start, no `: ` or ` #`
    /// inside, no tab or control character, nothing YAML would turn into anything but the same string.
    /// libyaml refuses some characters (DEL, C1 controls, U+FFFE, U+FFFF), reads others as line ends
    /// (U+0085, U+2028, U+2029) and skips a byte order mark (U+FEFF): each of those goes to Yams.
    private static func isPlainScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return true }
        if indicators.contains(first) { return false }
        for index in 0..<bytes.count {
            let byte = bytes[index]
            if !isOrdinaryByte(bytes, at: index) { return false }
            if byte == UInt8(ascii: ":"), index + 1 == bytes.count || bytes[index + 1] == 0x20 { return false }
            if byte == UInt8(ascii: "#"), index > 0, bytes[index - 1] == 0x20 { return false }
        }
        return true
    }

    /// A list written on one line, `[January, February]`, of plain words: each item passes `isPlainScalar`
    /// and holds none of `[]{},:#` and is not a word YAML reads as null; nil for anything else (an empty
    /// item, a trailing comma, quotes, nesting), which Yams reads. `column` is the column of the `[`;
    /// the items' columns are counted on from it once, in characters, as YAML counts them.
    private static func flowSequence(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, path: String,
                                     column: Int) -> [YAMLValue]? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "["), bytes[bytes.count - 1] == UInt8(ascii: "]") else { return nil }
        var items: [YAMLValue] = []
        var start = 1
        let end = bytes.count - 1
        if (start..<end).allSatisfy({ bytes[$0] == 0x20 }) { return [] }
        var counted = 0, itemColumn = column
        while start <= end {
            var stop = start
            while stop < end, bytes[stop] != UInt8(ascii: ",") { stop += 1 }
            var first = start, last = stop
            while first < last, bytes[first] == 0x20 { first += 1 }
            while last > first, bytes[last - 1] == 0x20 { last -= 1 }
            let item = UnsafeBufferPointer(rebasing: bytes[first..<last])
            guard !item.isEmpty, isPlainScalar(item), !item.contains(where: { flowForbidden.contains($0) }) else { return nil }
            let text = String(decoding: item, as: UTF8.self)
            guard !nullWords.contains(text) else { return nil }
            itemColumn += characterCount(bytes, from: counted, to: first)
            counted = first
            items.append(YAMLValue(kind: .scalar(text, isPlain: true),
                                   location: SourceLocation(path: path, line: line, column: itemColumn)))
            start = stop + 1
        }
        return items
    }

    private static let flowForbidden: Set<UInt8> = Set("[]{},:#".utf8)

    /// The column (from 1, in characters) of the byte at `index` in the line that starts at `lineStart`.
    private static func characterColumn(_ bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int, to index: Int) -> Int {
        1 + characterCount(bytes, from: lineStart, to: index)
    }

    /// How many characters the bytes `start..<end` hold (the bytes that begin a UTF-8 sequence).
    private static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        for position in start..<end where bytes[position] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The text of a value in double or single quotes with nothing to decode inside (no quote of its kind,
    /// no backslash in double quotes, only characters `isOrdinaryByte` takes); nil for anything else.
    private static func quotedScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.count >= 2, let quote = bytes.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
              bytes[bytes.count - 1] == quote else { return nil }
        let inner = UnsafeBufferPointer(rebasing: bytes[1..<(bytes.count - 1)])
        for index in 0..<inner.count {
            let byte = inner[index]
            if byte == quote || byte == UInt8(ascii: "\\") || !isOrdinaryByte(inner, at: index) { return nil }
        }
        return String(decoding: inner, as: UTF8.self)
    }

    /// Whether the byte at `index` (and the UTF-8 sequence it starts) is a character libyaml reads as
    /// plain text: not a control character, not one it refuses, reads as a line end or skips.
    private static func isOrdinaryByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        func next(_ offset: Int) -> UInt8 { index + offset < bytes.count ? bytes[index + offset] : 0 }
        switch bytes[index] {
        case 0..<0x20, 0x7F: return false
        case 0xC2: return next(1) >= 0xA0                                   // U+0080...U+009F
        case 0xE2: return !(next(1) == 0x80 && (next(2) == 0xA8 || next(2) == 0xA9))  // U+2028, U+2029
        case 0xEF: return !(next(1) == 0xBB && next(2) == 0xBF) && !(next(1) == 0xBF && next(2) >= 0xBE)
        default: return true
        }
    }
}
