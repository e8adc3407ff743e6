import Foundation

/// Cuts rendered HTML down to the tags that FAQ rich results accept (headings, paragraphs, lists,
/// links, line breaks, bold and italic), keeping the text of everything else and only `href` on links,
/// made absolute. The source's line breaks do not survive: JSON-LD text is read as one line.
enum AnswerHTML {
    static let allowed: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div",
                                       "b", "strong", "i", "em"]

    static func limit(_ html: String, origin: BaseURL) -> String {
        var out = ""
        var index = html.startIndex
        while index < html.endIndex {
            if html[index] == "\n" {
                // A soft break in a paragraph is a space in the text; a line end between tags is nothing.
                let next = html.index(after: index)
                if !(out.last == ">" || next == html.endIndex || html[next] == "<" || out.last == " ") { out.append(" ") }
                index = next
                continue
            }
            guard html[index] == "<", let close = html[index...].firstIndex(of: ">") else {
                out.append(html[index])
                index = html.index(after: index)
                continue
            }
            let tag = html[html.index(after: index)..<close]
            index = html.index(after: close)
            let isEnd = tag.hasPrefix("/")
            let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard allowed.contains(name) else { continue }
            if isEnd { out += "</\(name)>"; continue }
            if name == "a", let href = attribute("href", in: tag) {
                let absolute = href.hasPrefix(origin.root) && !href.hasPrefix("//")
                    ? origin.absolute(String(href.dropFirst(origin.root.count))) : href
                out += "<a href=\"\(absolute)\">"
            } else {
                out += name == "br" ? "<br>" : "<\(name)>"
            }
        }
        return out.trimmingSpaces()
    }

    /// The raw (still escaped) value of a double-quoted attribute, as cmark writes them.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: " \(name)=\"") else { return nil }
        let rest = tag[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { return nil }
        return String(rest[..<end])
    }
}
