import Foundation

/// The site's settings, read from `content/site.yml`.
public struct SiteConfig: Sendable {
    /// One of the owner's links, such as a professional profile.
    public struct Link: Sendable, Hashable {
        public var label: String
        public var url: String
    }

    /// The coordinator the site is about.
    public struct Owner: Sendable {
        public var name: String?
        public var pronouns: String?
        public var role: String?
        public var location: String?
        public var email: String?
        public var links: [Link] = []
    }

    public var title: String
    public var tagline: String?
    /// Default meta description for pages without one.
    public var description: String?
    public var baseURL: BaseURL
    public var language: String
    /// Where site.yml writes `language:`, when it does.
    public var languageLocation: SourceLocation?
    /// Where site.yml names each of its languages.
    var languageLocations: [String: SourceLocation] {
        var found = Dictionary(languages.map { ($0.code, $0.location) }, uniquingKeysWith: { first, _ in first })
        if let languageLocation { found[language] = languageLocation }
        return found
    }
    public var owner: Owner
    public var markdown: MarkdownOptions
    /// The most a page may weigh, HTML and CSS together, before `build-site check` warns (site.yml `check: {page_budget_kb: 60}`).
    public var pageBudgetKB = 60
    /// site.yml `nav:`, as written; nil for the default menu.
    public var nav: [NavEntry]?
    /// site.yml `home:`.
    public var home = HomeSettings()
    /// Other websites pages may load from (site.yml `check: {allow_hosts: [...]}`), such as a privacy-friendly analytics host.
    public var allowedHosts: [String] = []
    /// site.yml `theme`: accent colour, fonts and logo.
    public var theme = ThemeSettings()
    /// site.yml `icon:` and `social_image:`.
    public var images = ImageSettingsKeys()

    static let knownKeys: Set<String> = ["title", "tagline", "description", "base_url", "language", "owner", "markdown", "check", "nav", "home", "theme", "icon", "social_image", "languages"]
    /// site.yml `languages`: the site's other languages, each published under `/<code>/`.
    public var languages: [LanguageSettings] = []
    static let knownOwnerKeys: Set<String> = ["name", "pronouns", "role", "location", "email", "links"]

    /// Reads site.yml's text. Every problem comes back as a diagnostic against `path`.
    public static func parse(_ text: String, path: String) -> (SiteConfig?, [Diagnostic]) {
        if text.trimmingSpaces().isEmpty {
            return (nil, [.error("site.yml is empty", at: SourceLocation(path: path),
                                 hint: "give at least `title:` and `base_url:`")])
        }
        let yaml: YAMLValue?
        switch YAMLValue.parse(text, path: path) {
        case .success(let value): yaml = value
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        var reader = FieldReader(yaml, at: SourceLocation(path: path), what: "site.yml")
        let title = reader.string("title", required: true)
        let tagline = reader.string("tagline")
        let description = reader.string("description")
        let language = reader.string("language") ?? "en"
        if !isLanguageTag(language) {
            reader.error("`language` must be a language tag such as `en` or `en-GB`", at: "language")
        }
        var baseURL: BaseURL?
        if let text = reader.string("base_url", required: true) {
            baseURL = BaseURL(text)
            if baseURL == nil {
                reader.error("`base_url` must be an absolute http or https address, such as https://example.com/",
                             at: "base_url")
            }
        }
        var owner = Owner()
        if var ownerReader = reader.mapping("owner") {
            owner.name = ownerReader.string("name")
            owner.pronouns = ownerReader.string("pronouns")
            owner.role = ownerReader.string("role")
            owner.location = ownerReader.string("location")
            owner.email = ownerReader.string("email")
            if let email = owner.email, !isEmail(email) {
                ownerReader.error("`email` does not look like an email address", at: "email")
            }
            for item in ownerReader.list("links") ?? [] {
                var linkReader = FieldReader(item, at: item.location, what: "each link")
                let label = linkReader.string("label", required: true)
                let url = linkReader.string("url", required: true)
                if let url, !["http", "https", "mailto", "tel"].contains(URL(string: url)?.scheme?.lowercased() ?? "") {
                    linkReader.error("a link's `url` must be a full address starting with https://", at: "url")
                }
                linkReader.warnAboutUnknownKeys(known: ["label", "url"], in: "a link")
                ownerReader.absorb(linkReader)
                if let label, let url { owner.links.append(Link(label: label, url: url)) }
            }
            ownerReader.warnAboutUnknownKeys(known: knownOwnerKeys, in: "`owner`")
            reader.absorb(ownerReader)
        }
        var markdown = MarkdownOptions()
        if var markdownReader = reader.mapping("markdown") {
            markdown.allowsRawHTML = markdownReader.bool("unsafe") ?? false
            markdown.smartPunctuation = markdownReader.bool("smart") ?? true
            markdownReader.warnAboutUnknownKeys(known: ["unsafe", "smart"], in: "`markdown`")
            reader.absorb(markdownReader)
        }
        var pageBudgetKB = 60
        var allowedHosts: [String] = []
        if var checkReader = reader.mapping("check") {
            if let budget = checkReader.int("page_budget_kb", in: 1...1_000_000) { pageBudgetKB = budget }
            for item in checkReader.list("allow_hosts") ?? [] {
                guard case .scalar(let host, _) = item.kind, !host.isEmpty, !host.contains("/"), !host.contains(" ") else {
                    checkReader.append(.error("each of `allow_hosts` must be a host name, such as plausible.io", at: item.location))
                    continue
                }
                allowedHosts.append(host.lowercased())
            }
            checkReader.warnAboutUnknownKeys(known: ["page_budget_kb", "allow_hosts"], in: "`check`")
            reader.absorb(checkReader)
        }
        let nav = readNav(&reader)
        let languages = LanguageSettings.readAll(&reader, defaultLanguage: language)
        let home = readHome(&reader)
        let (theme, themeProblems) = ThemeSettings.read(reader.value("theme"), at: reader.keyLocation("theme"))
        themeProblems.forEach { reader.append($0) }
        let images = readImages(&reader)
        reader.warnAboutUnknownKeys(known: knownKeys, in: "site.yml")
        guard let title, let baseURL, !reader.diagnostics.hasErrors else { return (nil, reader.diagnostics.all) }
        var config = SiteConfig(title: title, tagline: tagline, description: description, baseURL: baseURL,
                                language: language, owner: owner, markdown: markdown)
        config.pageBudgetKB = pageBudgetKB
        config.nav = nav
        config.home = home
        config.allowedHosts = allowedHosts
        config.theme = theme
        config.images = images
        config.languages = languages
        config.languageLocation = reader.value("language")?.location
        return (config, reader.diagnostics.all)
    }

    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".")
            && !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }
}

/// The site's absolute address, such as `https://example.github.io/portfolio/`.
public struct BaseURL: Sendable, Hashable {
    /// The address, always ending in `/`.
    public let absolute: String
    /// Its path, which every URL of the site starts with: `/` or `/portfolio/`.
    public let root: String

    /// Nil unless `text` is an absolute http(s) URL with a host and no query or fragment.
    public init?(_ text: String) {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              components.query == nil, components.fragment == nil, components.user == nil else { return nil }
        var path = components.percentEncodedPath
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        var origin = "\(scheme)://\(host.lowercased())"
        if let port = components.port { origin += ":\(port)" }
        absolute = origin + path
        root = path
    }

    /// The absolute URL of a site path such as `faq/` (no leading slash).
    public func absolute(_ path: String) -> String { absolute + path }

    /// The root-relative URL of a site path such as `faq/`.
    public func url(_ path: String) -> String { root + path }
}
