/// What templates receive that is the same for many pages, built once before pages render: the menu,
/// the footer, the section lists, featured credits and testimonials. Per-page data is made from it.
struct TemplateContext: Sendable {
    let config: SiteConfig
    let pages: [Page]
    let services: [Page]
    /// Where each service (by site path) is in `services`, so a service page finds its neighbours at once.
    private let serviceIndex: [String: Int]
    let posts: [Page]
    /// The menu's entries and the pages they lead to.
    let menu: [(label: String, page: Page)]
    let servicesList: Prebuilt?
    /// The first services, for the home page, which links to the list of all of them.
    let homeServices: Prebuilt?
    let postsList: Prebuilt?
    let credits: CreditList?
    let testimonials: [TestimonialItem]
    /// The theme's words, and every page's versions in the other languages.
    let strings: StringTable
    let versions: LanguageVersions
    private let words: Prebuilt
    private let owner: Prebuilt
    private let footerPages: Prebuilt?
    private let urls: Prebuilt
    /// How many other services a service page lists: a handful, however many there are.
    static let otherServicesLimit = 4
    /// How many extra pages the footer lists (the first by `order`, then title), so it stays short on every page.
    static let footerPagesLimit = 8
    /// How many services the home page shows.
    static let homeServicesLimit = 6

    /// `config` and `pages` are those of one language (`config.language`).
    init(config: SiteConfig, pages: [Page], menu: [(label: String, page: Page)], testimonials: [TestimonialItem],
         strings: StringTable, versions: LanguageVersions) {
        self.config = config
        self.strings = strings
        self.versions = versions
        words = Prebuilt(strings.templateStrings(config.language))
        self.pages = pages
        self.menu = menu
        self.testimonials = testimonials
        services = pages.filter { $0.kind == .service }
        posts = pages.filter { $0.kind == .post }
        serviceIndex = Dictionary(services.enumerated().map { ($1.sitePath, $0) }, uniquingKeysWith: { first, _ in first })
        credits = pages.first { $0.kind == .credits }?.details(CreditList.self)
        let baseURL = config.baseURL
        func item(_ page: Page) -> ListItem {
            ListItem(title: page.title, url: baseURL.url(page.sitePath), summary: page.summary, date: page.date,
                     dateText: page.date.map { strings.date($0, in: config.language) })
        }
        servicesList = services.isEmpty ? nil : Prebuilt(services.map(item))
        homeServices = services.isEmpty ? nil : Prebuilt(services.prefix(Self.homeServicesLimit).map(item))
        postsList = posts.isEmpty ? nil : Prebuilt(posts.map(item))
        let inMenu = Set(menu.map(\.page.sitePath))
        let extraPages = pages.filter { $0.kind == .page && !inMenu.contains($0.sitePath) }
        footerPages = extraPages.isEmpty ? nil : Prebuilt(extraPages.prefix(Self.footerPagesLimit).map { ListItem(title: $0.navTitle ?? $0.title, url: baseURL.url($0.sitePath)) })
        owner = Prebuilt(OwnerData(name: config.owner.name, pronouns: config.owner.pronouns, role: config.owner.role,
                                   location: config.owner.location, email: config.owner.email,
                                   links: config.owner.links.map { LinkItem(label: $0.label, url: $0.url) }))
        var byKind: [String: String] = ["home": baseURL.url(config.folder(of: config.language))]
        for page in pages where page.kind.fixedSitePath != nil && page.kind != .notFound {
            byKind[page.kind.rawValue] = baseURL.url(page.sitePath)
        }
        if !posts.isEmpty { byKind["feed"] = baseURL.url(config.folder(of: config.language) + Feed.path) }
        urls = Prebuilt(byKind)
    }

    func url(_ page: Page) -> String { config.baseURL.url(page.sitePath) }

    /// A date in the pages' language.
    func date(_ date: String) -> String { strings.date(date, in: config.language) }

    /// The template data's `strings`.
    var templateStrings: Prebuilt { words }

    func site(for page: Page) -> SiteData {
        let nav = menu.map { entry -> NavItem in
            var current = entry.page.sitePath == page.sitePath
            // A section's list stays marked on its items' pages.
            if case .sectionList(let section) = entry.page.kind.declaration.source, page.kind == section.item { current = true }
            return NavItem(title: entry.label, url: url(entry.page), current: current)
        }
        var site = SiteData(title: config.title, tagline: config.tagline, language: config.language, root: config.baseURL.root,
                        url: config.baseURL.absolute, stylesheet: config.baseURL.url("assets/style.css"), owner: owner,
                        nav: nav, footerPages: footerPages, urls: urls,
                        feedUrl: posts.isEmpty ? nil : config.baseURL.url(config.folder(of: config.language) + Feed.path))
        if !config.theme.changesNothing { site.themeStylesheet = config.baseURL.url(ThemeSettings.stylesheetPath) }
        site.logo = config.theme.logo.map { config.baseURL.url($0) }
        return site
    }

    func page(_ page: Page, contentHTML: String, jsonld: [JSON], ogImage: String?, ogImageAlt: String?) -> PageData {
        let headTitle: String
        if page.kind == .home {
            headTitle = config.title  // the tagline is under the heading and in the description; titles stay short
        } else {
            headTitle = "\(page.title) · \(config.title)"
        }
        return PageData(kind: page.kind.rawValue, title: page.title, headTitle: headTitle,
                        description: page.effectiveDescription ?? config.description ?? config.tagline ?? page.title,
                        url: url(page), canonical: config.baseURL.absolute(page.sitePath),
                        ogType: page.kind.declaration.ogType, ogImage: ogImage, ogImageAlt: ogImage == nil ? nil : ogImageAlt,
                        content: contentHTML.isEmpty ? nil : contentHTML, date: page.date, updated: page.updated,
                        jsonld: jsonld.map { $0.serialized(forScript: true) }, noindex: page.isNoIndex, language: page.language,
                        alternates: versions.alternates(of: page, baseURL: config.baseURL),
                        translations: versions.versions(of: page).map { version in
                            LanguageLink(code: version.language, name: strings.text("language_name", in: version.language),
                                         url: url(version), current: version.language == page.language)
                        })
    }

    /// A few services other than `current`: the ones after it in order, wrapping round.
    func otherServices(than current: Page) -> [ListItem] {
        guard let index = serviceIndex[current.sitePath], services.count > 1 else { return [] }
        let count = min(Self.otherServicesLimit, services.count - 1)
        return (1...count).map { offset in
            let service = services[(index + offset) % services.count]
            return ListItem(title: service.title, url: url(service), summary: service.summary)
        }
    }
}
