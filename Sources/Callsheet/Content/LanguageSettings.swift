/// One extra language of the site (site.yml `languages:`): its code and the site texts it overrides.
/// The default language (`language:`) keeps the root; each extra one is published under `/<code>/`.
public struct LanguageSettings: Sendable {
    /// A BCP 47 tag such as `es`, `fr-CA` or `mi`.
    public var code: String
    public var title: String?
    public var tagline: String?
    public var description: String?
    public var ownerRole: String?
    public var ownerLocation: String?
    /// Menu labels by the content file the entry names (`faq.md: Preguntas frecuentes`).
    public var navLabels: [String: String] = [:]
    /// Where the entry is written, for messages about it.
    public var location: SourceLocation

    static let knownKeys: Set<String> = ["code", "title", "tagline", "description", "owner", "nav_labels"]

    /// Reads site.yml's `languages:` list; `defaultLanguage` is the site's own `language:`.
    static func readAll(_ reader: inout FieldReader, defaultLanguage: String) -> [LanguageSettings] {
        var languages: [LanguageSettings] = []
        for item in reader.list("languages") ?? [] {
            var entry = FieldReader(item, at: item.location, what: "each language")
            guard let code = entry.string("code", required: true) else { reader.absorb(entry); continue }
            if !SiteConfig.isLanguageTag(code) {
                entry.error("`code` must be a language tag such as `es`, `fr-CA` or `mi`", at: "code")
            } else if code == defaultLanguage || languages.contains(where: { $0.code == code }) {
                entry.error("the language `\(code)` is declared twice", at: "code",
                            hint: "the site's own `language:` is declared already; list only the other languages")
            }
            var language = LanguageSettings(code: code, location: entry.keyLocation("code"))
            language.title = entry.string("title")
            language.tagline = entry.string("tagline")
            language.description = entry.string("description")
            if var owner = entry.mapping("owner") {
                language.ownerRole = owner.string("role")
                language.ownerLocation = owner.string("location")
                owner.warnAboutUnknownKeys(known: ["role", "location"], in: "a language's `owner`")
                entry.absorb(owner)
            }
            if case .mapping(let labels)? = entry.value("nav_labels")?.kind {
                for label in labels {
                    guard case .scalar(let text, _) = label.value.kind else {
                        entry.append(.error("each of `nav_labels` must be a menu label", at: label.value.location))
                        continue
                    }
                    language.navLabels[NavMenu.normalized(label.key)] = text
                }
            } else if let labels = entry.value("nav_labels") {
                entry.append(.error("`nav_labels` must be lines such as `faq.md: Preguntas frecuentes`", at: labels.location))
            }
            entry.warnAboutUnknownKeys(known: knownKeys, in: "a language")
            reader.absorb(entry)
            languages.append(language)
        }
        return languages
    }
}

extension SiteConfig {
    /// Every language of the site, the default first.
    public var allLanguages: [String] { [language] + languages.map(\.code) }

    /// The settings as a page in `code` sees them: its title, tagline and owner texts where the language
    /// gives them, and `language` set to `code`.
    func localized(to code: String) -> SiteConfig {
        guard let settings = languages.first(where: { $0.code == code }) else { return self }
        var config = self
        config.language = code
        config.title = settings.title ?? title
        config.tagline = settings.tagline ?? tagline
        config.description = settings.description ?? description
        config.owner.role = settings.ownerRole ?? owner.role
        config.owner.location = settings.ownerLocation ?? owner.location
        return config
    }

    /// The folder of a language's pages: `""` for the default language, `es/` for the others.
    func folder(of code: String) -> String { languages.contains { $0.code == code } ? code + "/" : "" }

    /// Whether `language` is the site's default (true for the site's own settings, false once `localized`).
    var isDefaultLanguage: Bool { folder(of: language).isEmpty }
}
