/// One problem found in the site, reported like a compiler: `path:line:col: error: message`.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    /// How bad a problem is: errors fail the build, warnings do not.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Whether this fails the build.
    public var severity: Severity
    /// What is wrong, in words a coordinator understands.
    public var message: String
    /// Where it is; `nil` for problems that belong to no file (such as a bad flag).
    public var location: SourceLocation?
    /// What to do about it, when there is something useful to say.
    public var hint: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, hint: hint)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, hint: hint)
    }

    /// The printed form, with the hint on its own indented line. Paths and text from content that the
    /// message or hint quote are escaped, so each diagnostic stays one line (plus its hint line).
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(PrintableText.escaping(message))"
        if let hint { text += "\n  hint: \(PrintableText.escaping(hint))" }
        return text
    }
}

/// Diagnostics collected from one stage or the whole build.
public struct Diagnostics: Sendable {
    /// Every diagnostic, in the order found.
    public private(set) var all: [Diagnostic] = []

    /// An empty collection.
    public init() {}

    /// Adds one diagnostic.
    public mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    /// Adds several diagnostics.
    public mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    /// An error at `location`.
    public mutating func error(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        all.append(.error(message, at: location, hint: hint))
    }

    /// A warning at `location`.
    public mutating func warning(_ message: String, at location: SourceLocation?, hint: String? = nil) {
        all.append(.warning(message, at: location, hint: hint))
    }

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file and position, so output does not depend on thread timing; duplicates dropped.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.filter { seen.insert($0).inserted }.sorted { a, b in
            switch (a.location, b.location) {
            case (nil, nil): return a.message < b.message
            case (nil, _): return true
            case (_, nil): return false
            case let (l?, r?): return l == r ? a.message < b.message : l < r
            }
        }
    }
}

/// Thrown when a build stops because of errors in the site; carries every diagnostic found.
public struct BuildFailure: Error, Sendable {
    /// Every diagnostic of the run, errors and warnings.
    public var diagnostics: [Diagnostic]
}
