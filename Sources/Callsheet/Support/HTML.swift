/// Escaping for text that lands in HTML and XML.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, which makes text safe in element content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.appendEscapingHTML(text)
        return result
    }
}

extension String {
    /// Appends `text` with `&`, `<`, `>`, `"` and `'` written as character references. Byte by byte: a
    /// quote followed by a combining accent is one Character, which must not hide the quote.
    mutating func appendEscapingHTML(_ text: String) {
        let needsEscaping = text.utf8.contains { byte in
            byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "'")
        }
        guard needsEscaping else {
            self += text
            return
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += "&#39;".utf8
            default: bytes.append(byte)
            }
        }
        self += String(decoding: bytes, as: UTF8.self)
    }
}
