/// Smart punctuation for text from front matter (titles, summaries, the tagline), the same that cmark
/// gives Markdown, so `I'm` in a title and `I’m` in the text below it never sit side by side.
enum Typography {
    /// Curly quotes and apostrophes, en and em dashes, and the ellipsis.
    static func smart(_ text: String) -> String {
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
}
