/// One element of a parsed page, copied out of the HTML parser into plain Swift values.
struct HTMLElement: Sendable {
    /// The namespace a browser puts the element in: `<image>` inside `<svg>` is an SVG image, not HTML.
    enum Namespace: Sendable {
        case html, svg, mathml
    }

    /// One attribute, its value with character references decoded, as a browser reads it.
    struct Attribute: Sendable {
        var name: String
        var value: String
    }

    /// The tag name in lower case (`img`, `image`, `feimage`).
    var name: String
    var namespace: Namespace
    var attributes: [Attribute]
    /// Where the start tag is in the page, 1-based.
    var line: Int
    /// The text inside, for the elements whose text the checks read (`title`, `h1`...`h6`, `style`,
    /// `script`); empty for the others.
    var text: String = ""

    /// The value of the attribute `name` (in lower case), if the element has it.
    subscript(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    /// The heading level of `h1`...`h6` in HTML, else nil.
    var headingLevel: Int? {
        guard namespace == .html, name.utf8.count == 2, name.hasPrefix("h"), let level = Int(name.dropFirst()),
              (1...6).contains(level) else { return nil }
        return level
    }

    /// Elements whose text the checks need; the text of every other element is not gathered.
    static let textElements: Set<String> = ["title", "h1", "h2", "h3", "h4", "h5", "h6", "style", "script"]
}
