import Foundation

/// Reads typed values out of a YAML mapping, reporting each wrong type or missing key at its line,
/// and unknown keys (with a "did you mean") when done.
public struct FieldReader {
    private let entries: [YAMLValue.Entry]
    /// Where the mapping is, for "missing key" errors.
    public let location: SourceLocation
    /// Problems found so far.
    public private(set) var diagnostics = Diagnostics()

    /// A reader over `value`, which must be a mapping (or nothing, read as an empty mapping).
    public init(_ value: YAMLValue?, at location: SourceLocation, what: String) {
        self.location = value?.location ?? location
        switch value?.kind {
        case .mapping(let entries)?:
            self.entries = entries
        case .null?, nil:
            self.entries = []
        case .some:
            self.entries = []
            if let value {
                diagnostics.error("\(what) must be a group of `key: value` lines, found \(value.shapeName)", at: value.location)
            }
        }
    }

    /// Every key written, in order.
    public var keys: [String] { entries.map(\.key) }

    /// The raw value of `key`, or nil when absent or written as nothing.
    public func value(_ key: String) -> YAMLValue? {
        guard let value = entries.first(where: { $0.key == key })?.value else { return nil }
        if case .null = value.kind { return nil }
        return value
    }

    /// The location of `key` itself, or of the mapping when the key is absent.
    public func keyLocation(_ key: String) -> SourceLocation {
        entries.first { $0.key == key }?.keyLocation ?? location
    }

    /// A text value; numbers and words are read as text too.
    public mutating func string(_ key: String, required: Bool = false) -> String? {
        guard let value = value(key) else {
            if required { diagnostics.error("missing `\(key)`", at: location, hint: "add a line `\(key): ...`") }
            return nil
        }
        guard case .scalar(let text, _) = value.kind else {
            diagnostics.error("`\(key)` must be text, found \(value.shapeName)", at: value.location)
            return nil
        }
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty {
            if required { diagnostics.error("`\(key)` is empty", at: value.location) }
            return nil
        }
        return trimmed
    }

    /// A whole number.
    public mutating func int(_ key: String) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, true) = value.kind, let number = Int(text.trimmingSpaces()) else {
            diagnostics.error("`\(key)` must be a whole number, such as `3`", at: value.location)
            return nil
        }
        return number
    }

    /// A whole number within `range`, so that arithmetic on it later cannot overflow.
    public mutating func int(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let number = int(key) else { return nil }
        guard range.contains(number) else {
            error("`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound)", at: key)
            return nil
        }
        return number
    }

    /// A number, possibly with a fraction.
    public mutating func double(_ key: String) -> Double? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, true) = value.kind, let number = Double(text.trimmingSpaces()),
              number.isFinite else {
            diagnostics.error("`\(key)` must be a number, such as `10`", at: value.location)
            return nil
        }
        return number
    }

    /// `true` or `false`.
    public mutating func bool(_ key: String) -> Bool? {
        guard let value = value(key) else { return nil }
        if case .scalar(let text, true) = value.kind {
            switch text.lowercased() {
            case "true", "yes", "on": return true
            case "false", "no", "off": return false
            default: break
            }
        }
        diagnostics.error("`\(key)` must be `true` or `false`", at: value.location)
        return nil
    }

    /// A calendar date written `YYYY-MM-DD` (a time after it is allowed and kept).
    public mutating func date(_ key: String) -> String? {
        guard let value = value(key) else { return nil }
        guard case .scalar(let text, _) = value.kind, Self.isDate(text) else {
            diagnostics.error("`\(key)` must be a real date written as YYYY-MM-DD, such as 2026-03-01", at: value.location)
            return nil
        }
        return text.trimmingSpaces()
    }

    /// A list; a single value is read as a list of one.
    public mutating func list(_ key: String) -> [YAMLValue]? {
        guard let value = value(key) else { return nil }
        switch value.kind {
        case .sequence(let items): return items
        case .scalar: return [value]
        default:
            diagnostics.error("`\(key)` must be a list (lines starting with `- `)", at: value.location)
            return nil
        }
    }

    /// A nested group of keys, read with its own reader.
    public mutating func mapping(_ key: String) -> FieldReader? {
        guard let value = value(key) else { return nil }
        let reader = FieldReader(value, at: value.location, what: "`\(key)`")
        diagnostics.append(contentsOf: reader.diagnostics.all)
        return reader.diagnostics.hasErrors ? nil : reader
    }

    /// Adds a nested reader's findings to this one.
    public mutating func absorb(_ other: FieldReader) {
        diagnostics.append(contentsOf: other.diagnostics.all)
    }

    /// Records a finding of the caller's own.
    public mutating func append(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Records an error at `key`'s value.
    public mutating func error(_ message: String, at key: String, hint: String? = nil) {
        diagnostics.error(message, at: value(key)?.location ?? keyLocation(key), hint: hint)
    }

    /// Warns about every key not in `known`, suggesting the nearest known key for a near miss.
    public mutating func warnAboutUnknownKeys(known: Set<String>, in what: String) {
        let unknown = entries.filter { !known.contains($0.key) }
        for entry in unknown.prefix(Self.unknownKeysShown) {
            var hint: String? = nil
            if let guess = Self.nearest(to: entry.key, in: known) { hint = "did you mean `\(guess)`?" }
            diagnostics.warning("unknown key `\(entry.key)` in \(what); it is ignored", at: entry.keyLocation, hint: hint)
        }
        // Past a screenful, one more line says how many: a file of a million keys is not a million warnings.
        if unknown.count > Self.unknownKeysShown {
            let rest = unknown[Self.unknownKeysShown]
            diagnostics.warning("\(unknown.count - Self.unknownKeysShown) more unknown keys in \(what), from here on; they are ignored",
                                at: rest.keyLocation, hint: "the keys it takes are \(known.sorted().joined(separator: ", "))")
        }
    }

    /// How many unknown keys of one group are each named.
    static let unknownKeysShown = 20

    static func isDate(_ text: String) -> Bool {
        let text = text.trimmingSpaces()
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        let digits = [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { (48...57).contains(bytes[$0]) }
        guard digits, let year = Int(text.prefix(4)), let month = Int(text.dropFirst(5).prefix(2)),
              let day = Int(text.dropFirst(8).prefix(2)), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
            && (text.count == 10 || text.dropFirst(10).first == "T" || text.dropFirst(10).first == " ")
    }

    static func nearest(to word: String, in candidates: Set<String>) -> String? {
        // Words whose lengths differ by more than the allowed edits cannot be near, so a very long word
        // (a mistyped 10,000-character anchor) costs nothing against every id of a page.
        let allowed = max(1, word.count / 3), length = word.count
        let scored = candidates.filter { abs($0.count - length) <= allowed }.map { ($0, editDistance(word.lowercased(), $0)) }
            .filter { $0.1 <= max(1, word.count / 3) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        return scored.first?.0
    }

    /// Edits (insert, delete, replace, swap two neighbours) between two words.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
