/// Every page with its versions in the site's other languages: for `hreflang` links, the menu's language
/// switcher and the sitemap's alternates. Versions share a `Page.translationKey`.
struct LanguageVersions: Sendable {
    /// The site's languages, the default first.
    let languages: [String]
    private let byKey: [String: [Page]]

    init(pages: [Page], languages: [String]) {
        self.languages = languages
        let rank = Dictionary(uniqueKeysWithValues: languages.enumerated().map { ($1, $0) })
        byKey = Dictionary(grouping: pages, by: \.translationKey)
            .mapValues { $0.sorted { rank[$0.language, default: 0] < rank[$1.language, default: 0] } }
    }

    /// The page's versions in every language that has it, itself included, in the order of `languages`;
    /// empty when it has no other version.
    func versions(of page: Page) -> [Page] {
        let all = byKey[page.translationKey] ?? []
        return all.count > 1 ? all : []
    }

    /// The `hreflang` links of a page: one per version and `x-default` (the default language's, else the first).
    func alternates(of page: Page, baseURL: BaseURL) -> [AlternateLink] {
        let all = versions(of: page)
        guard !page.isNoIndex, let fallback = all.first(where: { $0.language == languages.first }) ?? all.first else { return [] }
        return all.map { AlternateLink(hreflang: $0.language, url: baseURL.absolute($0.sitePath)) }
            + [AlternateLink(hreflang: "x-default", url: baseURL.absolute(fallback.sitePath))]
    }
}

/// `page.alternates`: one `<link rel="alternate" hreflang>`.
struct AlternateLink: Encodable {
    let hreflang: String
    let url: String
}

/// `page.translations`: one entry of the language switcher, named in its own language.
struct LanguageLink: Encodable {
    let code: String
    let name: String
    let url: String
    let current: Bool
}
