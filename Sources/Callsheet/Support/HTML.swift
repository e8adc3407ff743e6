/// Escaping for text that lands in HTML and XML.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`, which makes text safe in element content and in quoted attributes.
    public static func escape(_ text: String) -> String {
        // Scalar by scalar: a quote followed by a combining accent is one Character, which must not hide it.
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Text from content made safe for escapers that work on whole Characters (swift-mustache's does):
    /// when `&`, `<`, `>`, `"` or `'` starts a Character with marks joined to it (a quote followed by a
    /// combining accent), a zero-width space is put after it, so the escaper sees it on its own.
    public static func separatingMarkup(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }),
              text.utf8.contains(where: { [0x22, 0x26, 0x27, 0x3C, 0x3E].contains($0) }) else { return text }
        var result = ""
        for character in text {
            let scalars = character.unicodeScalars
            if scalars.count > 1, let first = scalars.first, "&<>\"'".unicodeScalars.contains(first) {
                result.unicodeScalars.append(first)
                result.unicodeScalars.append("\u{200B}")
                result.unicodeScalars.append(contentsOf: scalars.dropFirst())
            } else {
                result.append(character)
            }
        }
        return result
    }

}
