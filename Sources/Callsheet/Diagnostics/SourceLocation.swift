/// A position in a site file: its path relative to the site, and a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The file's path as the user would type it, e.g. `content/faq.md`.
    public var path: String
    /// The 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int

    /// Creates a location; line and column default to the start of the file.
    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, the form editors and CI annotations read, for every message: a problem with a whole
    /// file is placed at its start. Control characters in the path are escaped.
    public var description: String {
        let path = PrintableText.escaping(path)
        return line > 0 ? "\(path):\(line):\(max(column, 1))" : "\(path):1:1"
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
