import Yams

/// A YAML value that remembers where it was written, so mistakes can be reported at their line.
public struct YAMLValue: Sendable {
    /// One `key: value` pair of a mapping.
    public struct Entry: Sendable {
        public var key: String
        public var keyLocation: SourceLocation
        public var value: YAMLValue
    }

    /// The shape of a value.
    public enum Kind: Sendable {
        case null
        /// A scalar's text; `isPlain` is false for quoted and block scalars, which are always strings.
        case scalar(String, isPlain: Bool)
        case sequence([YAMLValue])
        case mapping([Entry])
    }

    public var kind: Kind
    public var location: SourceLocation

    /// A word for the value's shape, for messages such as "expected text, found a list".
    public var shapeName: String {
        switch kind {
        case .null: return "nothing"
        case .scalar: return "a single value"
        case .sequence: return "a list"
        case .mapping: return "a group of keys"
        }
    }

    /// The entry for `key`, when this is a mapping that has it.
    public subscript(key: String) -> YAMLValue? {
        guard case .mapping(let entries) = kind else { return nil }
        return entries.first { $0.key == key }?.value
    }
}

extension YAMLValue {
    /// Parses YAML text. `path` and `lineOffset` place the text in its file (front matter starts
    /// on line 2 of a Markdown file, so its offset is 1). Syntax errors come back as diagnostics.
    public static func parse(_ text: String, path: String, lineOffset: Int = 0) -> Result<YAMLValue?, Diagnostic> {
        let text = text.normalizingLineEnds()
        if let simple = parseSimpleMapping(text, path: path, lineOffset: lineOffset) { return .success(simple) }
        return parseWithLibrary(text, path: path, lineOffset: lineOffset)
    }

    /// Parses with Yams, whatever the text.
    static func parseWithLibrary(_ text: String, path: String, lineOffset: Int) -> Result<YAMLValue?, Diagnostic> {
        func location(_ mark: Mark?) -> SourceLocation {
            guard let mark else { return SourceLocation(path: path, line: lineOffset + 1, column: 1) }
            return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        if let found = firstAnchorOrAlias(in: text) {
            let written = found.isAlias ? "a YAML alias (`*name`)" : "a YAML anchor (`&name`)"
            return .failure(.error("\(written) is not allowed here; write the value out in full",
                                   at: SourceLocation(path: path, line: found.line + lineOffset, column: found.column),
                                   hint: "anchors and aliases repeat values; put text starting with `&` or `*` in quotes"))
        }
        do {
            // The encoding is named: Yams' default reads the environment at every call, which is slow. Tags are
            // not resolved (`.basic`): every value is read as text and typed by the field that takes it, so
            // Yams' regular expressions (and the ICU they start) would be work for nothing.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else { return .success(nil) }
            return convert(node, location: location)
        } catch let error as YamlError {
            return .failure(diagnostic(for: error, text: text, location: location, path: path, lineOffset: lineOffset))
        } catch {
            return .failure(.error("could not read this YAML: \(error)", at: location(nil)))
        }
    }

    /// The plain values YAML reads as no value at all.
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

    private static func convert(_ node: Node, location: (Mark?) -> SourceLocation) -> Result<YAMLValue?, Diagnostic> {
        switch node {
        case .scalar(let scalar):
            let here = location(scalar.mark)
            if scalar.style == .plain, nullWords.contains(scalar.string) {
                return .success(YAMLValue(kind: .null, location: here))
            }
            return .success(YAMLValue(kind: .scalar(scalar.string, isPlain: scalar.style == .plain), location: here))
        case .sequence(let sequence):
            var items: [YAMLValue] = []
            for element in sequence {
                switch convert(element, location: location) {
                case .success(let value?): items.append(value)
                case .success(nil): break
                case .failure(let diagnostic): return .failure(diagnostic)
                }
            }
            return .success(YAMLValue(kind: .sequence(items), location: location(sequence.mark)))
        case .mapping(let mapping):
            var entries: [Entry] = []
            for (keyNode, valueNode) in mapping {
                let keyLocation = location(keyNode.mark)
                guard case .scalar(let keyScalar) = keyNode else {
                    return .failure(.error("a key must be a plain word, such as `title`", at: keyLocation))
                }
                if entries.contains(where: { $0.key == keyScalar.string }) {
                    return .failure(.error("the key `\(keyScalar.string)` is given twice", at: keyLocation,
                                           hint: "keep one of them"))
                }
                switch convert(valueNode, location: location) {
                case .success(let value):
                    let value = value ?? YAMLValue(kind: .null, location: location(valueNode.mark))
                    entries.append(Entry(key: keyScalar.string, keyLocation: keyLocation, value: value))
                case .failure(let diagnostic):
                    return .failure(diagnostic)
                }
            }
            return .success(YAMLValue(kind: .mapping(entries), location: location(mapping.mark)))
        case .alias(let alias):
            return .failure(.error("YAML aliases (`*name`) are not supported here; write the value out",
                                   at: location(alias.mark)))
        }
    }

    /// libyaml's problem, said in words a coordinator can act on, with its own words kept after them.
    static func plainWords(problem: String, context: String?, contextLine: Int?) -> String {
        let detail = "YAML says: " + problem + (context.map { ", \($0)" } ?? "")
        let line = contextLine.map { " on line \($0)" } ?? ""
        if context?.contains("quoted scalar") == true {
            return "a quote opened\(line) is never closed (\(detail))"
        }
        if problem.contains("mapping values are not allowed") {
            return "a value contains `: `, or a line is indented further than its key; put such a value in quotes, and line keys up with the keys above (\(detail))"
        }
        if problem.contains("cannot start any token") || problem.contains("found a tab") {
            return "this line starts with a character YAML does not allow there, often a tab; indent with spaces (\(detail))"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'")
            || problem.contains("expected <block end>") {
            return "this line is not indented like the lines around it (\(detail))"
        }
        return "this is not valid YAML (\(detail))"
    }

    /// Where a key given twice is written the second time, for a message at the line to fix.
    private static func secondOccurrence(of key: String, in text: String, after start: Mark) -> (line: Int, column: Int)? {
        var found = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= start.line {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            // The key as written: plain or in quotes (`"order": 1` repeats `order: 2`).
            guard let written = [key, "\"" + key + "\"", "'" + key + "'"].first(where: { rest.hasPrefix($0) }) else { continue }
            let after = rest.dropFirst(written.count).drop { $0 == " " }
            guard after.hasPrefix(":") else { continue }
            found += 1
            if found == 2 { return (index + 1, indent + 1) }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, text: String, location: (Mark?) -> SourceLocation,
                                   path: String, lineOffset: Int) -> Diagnostic {
        let hint = "front matter is YAML: `key: value` on each line; put text containing `: ` or `#` in quotes"
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return .error(plainWords(problem: problem, context: context?.text, contextLine: context.map { $0.mark.line + lineOffset }),
                          at: location(mark), hint: hint)
        case .reader(let problem, _, _, _):
            return .error("invalid YAML: \(problem)", at: location(nil), hint: "save the file as UTF-8 text")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            return .error("the key `\(key)` is given twice",
                          at: secondOccurrence(of: key, in: text, after: context.mark).map {
                              SourceLocation(path: path, line: $0.line + lineOffset, column: $0.column)
                          } ?? location(context.mark),
                          hint: "keep one of them")
        default:
            return .error("invalid YAML: \(error)", at: location(nil), hint: hint)
        }
    }
}
