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
    /// CRLF and CR line ends are read as line ends, in the YAML and in the body.
    public static func parse(_ text: String, path: String) -> Result<FrontMatter, Diagnostic> {
        let text = text.normalizingLineEnds()
        // Lines are found by scanning bytes, and only as far as the closing fence: the body is never split.
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        if utf8.starts(with: [0xEF, 0xBB, 0xBF]) { lineStart = utf8.index(lineStart, offsetBy: 3) }
        func lineEnd(from start: String.Index) -> String.Index {
            utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        }
        // A fence starts at the beginning of its line (an indented `---` is text inside a YAML block).
        func isFence(_ start: String.Index, _ end: String.Index, allowDots: Bool) -> Bool {
            let line = text[start..<end]
            guard line.hasPrefix("---") || (allowDots && line.hasPrefix("...")) else { return false }
            let word = line.trimmingSpaces()
            return word == "---" || (allowDots && word == "...")
        }
        let firstEnd = lineEnd(from: lineStart)
        guard isFence(lineStart, firstEnd, allowDots: false), firstEnd < utf8.endIndex else {
            if isFence(lineStart, firstEnd, allowDots: false) {
                return .failure(.error("the front matter that starts here never ends", at: SourceLocation(path: path, line: 1, column: 1),
                                       hint: "add a line with only `---` after the last front matter line"))
            }
            if let misplaced = misplacedFence(in: text[lineStart...]) {
                return .failure(.error("the front matter must start on the first line, but its `---` is on line \(misplaced.line)",
                                       at: SourceLocation(path: path, line: misplaced.line, column: misplaced.column),
                                       hint: "remove the blank lines and spaces before `---`: as it is, the front matter would show on the page as text"))
            }
            return .success(FrontMatter(yaml: nil, body: text, bodyLineOffset: 0))
        }
        let yamlStart = utf8.index(after: firstEnd)
        var cursor = yamlStart
        var lineNumber = 1
        var closing: (start: String.Index, end: String.Index)?
        while cursor < utf8.endIndex {
            let end = lineEnd(from: cursor)
            lineNumber += 1
            if isFence(cursor, end, allowDots: true) {
                closing = (cursor, end)
                break
            }
            guard end < utf8.endIndex else { break }
            cursor = utf8.index(after: end)
        }
        guard let closing else {
            return .failure(.error("the front matter that starts here never ends",
                                   at: SourceLocation(path: path, line: 1, column: 1),
                                   hint: "add a line with only `---` after the last front matter line"))
        }
        var yamlText = String(text[yamlStart..<closing.start])
        if yamlText.hasSuffix("\n") { yamlText.removeLast() }  // so "end of input" points at the last YAML line
        let body = closing.end < utf8.endIndex ? String(text[utf8.index(after: closing.end)...]) : ""
        let close = lineNumber - 1
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

    /// A `---` after blank lines (or indented), followed by a `key:` line: front matter that does not start the
    /// file, which Markdown would show as a rule and a heading. Its line and column.
    static func misplacedFence(in text: Substring) -> (line: Int, column: Int)? {
        var line = 0
        var lines = text.split(separator: "\n", maxSplits: 64, omittingEmptySubsequences: false).makeIterator()
        while let current = lines.next() {
            line += 1
            let word = current.trimmingSpaces()
            if word.isEmpty { continue }
            guard word == "---", let next = lines.next() else { return nil }
            let key = next.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
            guard !key.isEmpty, next.dropFirst(key.count).hasPrefix(":") else { return nil }
            return (line, current.prefix { $0 == " " || $0 == "\t" }.count + 1)
        }
        return nil
    }
}
