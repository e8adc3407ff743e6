extension StringTable {
    /// Where templates use `{{strings.key}}`: each key with the first place it is written.
    static func keysUsed(in sources: [String: String], displayPath: (String) -> String) -> [(key: String, location: SourceLocation)] {
        var found: [String: SourceLocation] = [:]
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                var rest = Substring(line)
                while let range = rest.range(of: "strings.") {
                    let key = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                    let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                    if !key.isEmpty, found[String(key)] == nil {
                        found[String(key)] = SourceLocation(path: displayPath(file), line: index + 1, column: column)
                    }
                    rest = rest[range.upperBound...]
                }
            }
        }
        return found.map { ($0.key, $0.value) }.sorted { $0.key < $1.key }
    }

    /// Every language of the site must have every word the templates and the build use: a missing one is
    /// an error naming the key and the file to add it to, never a word of another language.
    /// `declared` gives where site.yml names each language: a language the theme has no words in is an error
    /// there (with the code it most likely meant), not at a file that does not exist.
    func missing(languages: [String], declared: [String: SourceLocation] = [:], templateSources: [String: String],
                 displayPath: (String) -> String) -> [Diagnostic] {
        let used = Self.keysUsed(in: templateSources, displayPath: displayPath)
        var problems: [Diagnostic] = []
        for code in languages {
            guard let words = words(code) else {
                let known = Set(byLanguage.keys)
                let near = known.first { $0.lowercased() == code.lowercased() } ?? FieldReader.nearest(to: code, in: known)
                let add = "or add \(displayPath("strings/\(code).yml")) to the theme with every key of strings/en.yml, in `\(code)`"
                problems.append(.error("the theme has no words in the language `\(code)`",
                                       at: declared[code] ?? SourceLocation(path: displayPath("strings/\(code).yml")),
                                       hint: (near.map { "did you mean `\($0)`? " } ?? "the theme has words in \(known.sorted().joined(separator: ", ")); ") + add))
                continue
            }
            for (key, location) in used where words.values[key] == nil {
                problems.append(.error("the string `\(key)` is missing from \(words.file), the words in `\(code)`", at: location,
                                       hint: "add a line `\(key): ...` to it, in that language"))
            }
            for key in Self.codeKeys where words.values[key] == nil {
                problems.append(.error("the string `\(key)` is missing from \(words.file), the words in `\(code)`",
                                       at: SourceLocation(path: words.file, line: 0), hint: "add a line `\(key): ...` to it, in that language"))
            }
            if words.months.count != 12 {
                problems.append(.error("the month names are missing in the language `\(code)`", at: SourceLocation(path: words.file, line: 0),
                                       hint: "add `months: [...]` with the twelve names to \(words.file)"))
            }
        }
        return problems
    }
}
