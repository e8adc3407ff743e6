import Foundation

/// The theme's own words in every language it has, from the templates folder's `strings/<code>.yml`
/// (the built-in theme has en, es, fr, de and pt). Templates read them as `{{strings.key}}`; the build's
/// own words (form words, dates, the titles of pages it makes) come from here too.
public struct StringTable: Sendable {
    /// One language's words: `key: text` lines, and `months:`, a list of twelve names.
    struct Words: Sendable {
        var file: String
        var values: [String: String] = [:]
        var months: [String] = []
    }

    private(set) var byLanguage: [String: Words] = [:]

    /// The keys the build itself uses, which every language must have.
    static let codeKeys: [String] = [
        "language_name", "date_format", "title_services", "title_news", "title_not_found", "not_found_message",
        "title_thanks", "thanks_message", "nav_about", "nav_services", "nav_credits", "nav_testimonials", "nav_faq",
        "nav_news", "nav_contact", "form_required", "form_note", "form_choose_one", "form_honeypot", "form_send",
        "form_schema_title", "form_schema_description", "form_subject", "form_privacy_service", "form_privacy_netlify", "form_privacy_host", "form_privacy_mailto",
        "form_privacy_recipient", "form_privacy_link", "form_mailto_intro", "form_mailto_or",
    ]

    /// Reads every `strings/*.yml` of the templates folder. A file that is the built-in theme's, byte for
    /// byte (a copy of the theme), takes the words already read from it.
    static func load(files: [String], displayPath: (String) -> String,
                     readText: (String) -> Result<String, Diagnostic>) -> (StringTable, [Diagnostic]) {
        load(files: files, displayPath: displayPath, readText: readText, reusingBuiltIn: true)
    }

    private static func load(files: [String], displayPath: (String) -> String, readText: (String) -> Result<String, Diagnostic>,
                             reusingBuiltIn: Bool) -> (StringTable, [Diagnostic]) {
        var table = StringTable()
        var problems: [Diagnostic] = []
        for file in files where file.hasPrefix("strings/") && file.hasSuffix(".yml") {
            let code = String(file.dropFirst("strings/".count).dropLast(4))
            let shown = displayPath(file)
            guard SiteConfig.isLanguageTag(code) else {
                problems.append(.error("`\(file)` is not named after a language", at: SourceLocation(path: shown, line: 0),
                                       hint: "name strings files by language code, such as strings/es.yml"))
                continue
            }
            let text: String
            switch readText(file) {
            case .success(let value): text = value
            case .failure(let problem): problems.append(problem); continue
            }
            if reusingBuiltIn, let data = BuiltInTheme.files[file], data.elementsEqual(text.utf8), var words = builtIn.byLanguage[code] {
                words.file = shown
                table.byLanguage[code] = words
                continue
            }
            var words = Words(file: shown)
            switch YAMLValue.parse(text, path: shown) {
            case .failure(let problem): problems.append(problem)
            case .success(let yaml):
                guard case .mapping(let entries)? = yaml?.kind else {
                    if yaml != nil { problems.append(.error("a strings file is `key: text` lines", at: yaml?.location)) }
                    break
                }
                for entry in entries {
                    switch entry.value.kind {
                    case .scalar(let value, _) where entry.key != "months":
                        words.values[entry.key] = value
                    case .sequence(let items) where entry.key == "months" && items.count == 12:
                        words.months = items.compactMap { if case .scalar(let name, _) = $0.kind { return name } else { return nil } }
                    default:
                        problems.append(.error(entry.key == "months" ? "`months` must be a list of the twelve month names"
                                                                      : "`\(entry.key)` must be a line of text", at: entry.value.location))
                    }
                }
            }
            table.byLanguage[code] = words
        }
        return (table, problems)
    }

    /// A site's own strings laid over the built-in theme's key by key, so a site's `strings/es.yml` may hold
    /// only the words it changes (a file of a language the theme lacks adds that language).
    func laid(over base: StringTable) -> StringTable {
        var table = base
        for (code, own) in byLanguage {
            guard var words = table.byLanguage[code] else { table.byLanguage[code] = own; continue }
            words.file = own.file
            words.values.merge(own.values) { _, mine in mine }
            if !own.months.isEmpty { words.months = own.months }
            table.byLanguage[code] = words
        }
        return table
    }

    /// The built-in theme's strings, read once per process.
    static let builtIn: StringTable = {
        let files = BuiltInTheme.files
        return load(files: Array(files.keys), displayPath: { ThemeFiles.builtInDisplayRoot + "/" + $0 },
                    readText: { file in SourceTree.decodeText(files[file] ?? Data(), path: file) }, reusingBuiltIn: false).0
    }()

    /// The words of `code`: its own file over the file of its base language (`fr-CA` over `fr`).
    func words(_ code: String) -> Words? {
        let base = code.split(separator: "-").first.map(String.init) ?? code
        guard var words = byLanguage[base] ?? byLanguage[code] else { return nil }
        if base != code, let own = byLanguage[code] {
            words.file = own.file
            words.values.merge(own.values) { _, mine in mine }
            if !own.months.isEmpty { words.months = own.months }
        }
        return words
    }

    /// The text of `key` in `code`. Every key the build uses is checked before pages render, so this is
    /// only empty for a key nobody asked for.
    func text(_ key: String, in code: String) -> String {
        words(code)?.values[key] ?? ""
    }

    /// `key` with each `{name}` in it replaced.
    func text(_ key: String, in code: String, _ values: [String: String]) -> String {
        var result = text(key, in: code)
        for (name, value) in values { result = result.replacingOccurrences(of: "{\(name)}", with: value) }
        return result
    }

    /// A date as a reader in `code` writes it: `2026-03-01` is `1 March 2026`, `1 de marzo de 2026`.
    func date(_ date: String, in code: String) -> String {
        let parts = date.prefix(10).split(separator: "-")
        guard parts.count == 3, let month = Int(parts[1]), (1...12).contains(month), let day = Int(parts[2]),
              let words = words(code), words.months.count == 12 else { return date }
        return text("date_format", in: code, ["day": String(day), "month": words.months[month - 1], "year": String(parts[0])])
    }

    /// Every word of `code`, for templates' `strings`.
    func templateStrings(_ code: String) -> [String: String] { words(code)?.values ?? [:] }
}
