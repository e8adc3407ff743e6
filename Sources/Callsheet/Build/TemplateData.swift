/// What every template receives (documented in docs/templates.md): `site`, `page`, and the keys of the
/// page's kind beside them. Each type here is turned into template form by `ContextEncoder` only.
struct TemplateData: Encodable {
    let site: SiteData
    let page: PageData
    let kind: any Encodable
    /// The theme's words in the page's language (templates/strings/<code>.yml).
    let strings: Prebuilt

    private enum Keys: String, CodingKey { case site, page, strings }

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(site, forKey: .site)
        try container.encode(page, forKey: .page)
        try container.encode(strings, forKey: .strings)
        try kind.encode(to: encoder)  // the kind's keys sit beside `site` and `page`
    }
}

/// `site.*`: the same on every page but for the menu's `current`.
struct SiteData: Encodable {
    let title: String
    let tagline: String?
    let language: String
    let root: String
    let url: String
    let stylesheet: String
    let owner: Prebuilt
    let nav: [NavItem]
    let footerPages: Prebuilt?
    let urls: Prebuilt
    let feedUrl: String?
    /// The stylesheet made from site.yml's `theme:`, when it sets anything; and its logo.
    var themeStylesheet: String?
    var logo: String?
    /// The head's icon links (HTML), made by the image stage.
    var icons: String?
}

/// One menu entry.
struct NavItem: Encodable {
    let title: String
    let url: String
    let current: Bool
}

/// `site.owner`.
struct OwnerData: Encodable {
    let name: String?
    let pronouns: String?
    let role: String?
    let location: String?
    let email: String?
    let links: [LinkItem]
}

/// A link with a label: the owner's links, the footer's pages.
struct LinkItem: Encodable {
    let label: String
    let url: String
}

/// `page.*`.
struct PageData: Encodable {
    let kind: String
    let title: String
    let headTitle: String
    let description: String?
    let url: String
    let canonical: String
    let ogType: String
    let ogImage: String?
    let ogImageAlt: String?
    /// The link-preview image's size in pixels, when the build made it.
    var ogImageWidth: Int?
    var ogImageHeight: Int?
    let content: String?
    let date: String?
    let updated: String?
    let jsonld: [String]
    let noindex: Bool
    /// The page's language, its `hreflang` links and the language switcher's entries (empty without translations).
    let language: String
    let alternates: [AlternateLink]
    let translations: [LanguageLink]
}

/// A page in a list: services, news posts.
struct ListItem: Encodable, Hashable, Sendable {
    let title: String
    let url: String
    let summary: String?
    let date: String?
    let dateText: String?

    init(title: String, url: String, summary: String? = nil, date: String? = nil, dateText: String? = nil) {
        self.title = title
        self.url = url
        self.summary = summary
        self.date = date
        self.dateText = dateText
    }
}

/// The keys of a kind with none of its own (thanks, extra pages, 404).
struct NoKindData: Encodable {}
