import Foundation

/// The YAML block between `---` lines at the top of a Markdown file, and the Markdown after it.
public struct FrontMatter: Sendable {
    /// The parsed YAML, or nil when the file has no front matter or it is empty.
    public var yaml: YAMLValue?
    /// The Markdown after the front matter.
    public var body: String
    /// How many lines of the file come before `body` (to turn body lines into file lines).
    public var bodyLineOffset: Int

    /// Splits `text` into front matter and body and parses the YAML. Pure: `path` only labels diagnostics.
    public static func parse(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        func isFence(_ line: Substring, allowDots: Bool = false) -> Bool {
            let word = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return word == "---" || (allowDots && word == "...")
        }
        guard let first = lines.first, isFence(first) else {
            return .success(FrontMatter(yaml: nil, body: text, bodyLineOffset: 0))
        }
        guard let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], allowDots: true) }) else {
            return .failure(.error("the front matter that starts here never ends",
                                   at: SourceLocation(path: path, line: 1, column: 1),
                                   hint: "add a line with only `---` after the last front matter line"))
        }
        let yamlText = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        switch YAMLValue.parse(yamlText, path: path, lineOffset: 1) {
        case .success(let yaml):
            if let yaml {
                if case .mapping = yaml.kind {} else if case .null = yaml.kind {} else {
                    return .failure(.error("front matter must be `key: value` lines, found \(yaml.shapeName)",
                                           at: yaml.location))
                }
            }
            return .success(FrontMatter(yaml: yaml, body: body, bodyLineOffset: close + 1))
        case .failure(let diagnostic):
            return .failure(diagnostic)
        }
    }
}
