/// Smart punctuation for text from front matter (titles, summaries, the tagline), the same that cmark
/// gives Markdown, so `I'm` in a title and `I’m` in the text below it never sit side by side.
enum Typography {
    /// Curly quotes and apostrophes, en and em dashes, and the ellipsis.
    static func smart(_ text: String) -> String {
        smartASCII(text) ?? smartByCharacter(text)
    }

    /// `smart` for any text, character by character.
    static func smartByCharacter(_ text: String) -> String {
        guard text.contains(where: { $0 == "'" || $0 == "\"" || $0 == "-" || $0 == "." }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var previous: Character?
        var characters = text[...]
        while let character = characters.first {
            if characters.hasPrefix("---") {
                result.append("—"); characters = characters.dropFirst(3); previous = "—"; continue
            }
            if characters.hasPrefix("--") {
                result.append("–"); characters = characters.dropFirst(2); previous = "–"; continue
            }
            if characters.hasPrefix("...") {
                result.append("…"); characters = characters.dropFirst(3); previous = "…"; continue
            }
            let opens = previous.map { $0.isWhitespace || "([{-–—/".contains($0) } ?? true
            switch character {
            case "\"": result.append(opens ? "“" : "”")
            case "'": result.append(opens ? "‘" : "’")
            default: result.append(character)
            }
            previous = character
            characters = characters.dropFirst()
        }
        return result
    }

    /// `smart` for text that is all ASCII (most titles and summaries), byte by byte: there each byte is
    /// a character (but CR LF, which is white space either way). Nil for any other text.
    static func smartASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var needed = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") { needed = true }
            }
            guard needed else { return String(decoding: bytes, as: UTF8.self) }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            // Whether a quote here opens: at the start, after white space, an opening bracket, a dash or a slash.
            var opens = true
            var index = 0
            func starts(_ byte: UInt8, times: Int) -> Bool {
                index + times <= bytes.count && (0..<times).allSatisfy { bytes[index + $0] == byte }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if starts(UInt8(ascii: "-"), times: 3) {
                    result += "—".utf8; index += 3; opens = true; continue
                }
                if starts(UInt8(ascii: "-"), times: 2) {
                    result += "–".utf8; index += 2; opens = true; continue
                }
                if starts(UInt8(ascii: "."), times: 3) {
                    result += "…".utf8; index += 3; opens = false; continue
                }
                switch byte {
                case UInt8(ascii: "\""): result += (opens ? "“" : "”").utf8
                case UInt8(ascii: "'"): result += (opens ? "‘" : "’").utf8
                default: result.append(byte)
                }
                opens = (0x09...0x0D).contains(byte) || byte == 0x20 || "([{-/".utf8.contains(byte)
                index += 1
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}
