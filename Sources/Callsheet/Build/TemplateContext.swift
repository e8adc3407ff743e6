/// What templates receive that is the same for many pages, built once before pages render: the menu,
/// the footer, the section lists, featured credits and testimonials. Per-page data is made from it.
struct TemplateContext: Sendable {
    let config: SiteConfig
    // What pages share is private: a render reaches it only through the functions below, which note
    // what it read in the render's `ReadLog`.
    private let services: [Page]
    /// Where each service (by site path) is in `services`, so a service page finds its neighbours at once.
    private let serviceIndex: [String: Int]
    private let serviceItems: [ListItem]
    private let posts: [Page]
    /// The menu's entries and the pages they lead to.
    private let menu: [(label: String, page: Page)]
    private let servicesList: Prebuilt?
    /// The first services, for the home page, which links to the list of all of them.
    private let homeServices: Prebuilt?
    private let postsList: Prebuilt?
    private let credits: CreditList?
    /// The privacy page (`pages/privacy.md`), which the contact form links to.
    private let privacy: Page?
    private let testimonials: [TestimonialItem]
    /// The value of each shared piece, to compare with the build before.
    private(set) var facts = FactTable()
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
        serviceItems = services.map(item)
        let homeItems = Array(serviceItems.prefix(Self.homeServicesLimit))
        let postItems = posts.map(item)
        servicesList = services.isEmpty ? nil : Prebuilt(serviceItems)
        homeServices = services.isEmpty ? nil : Prebuilt(homeItems)
        postsList = posts.isEmpty ? nil : Prebuilt(postItems)
        let inMenu = Set(menu.map(\.page.sitePath))
        let extraPages = pages.filter { $0.kind == .page && !inMenu.contains($0.sitePath) }
        let footerItems = extraPages.prefix(Self.footerPagesLimit).map { ListItem(title: $0.navTitle ?? $0.title, url: baseURL.url($0.sitePath)) }
        footerPages = extraPages.isEmpty ? nil : Prebuilt(footerItems)
        privacy = pages.first { $0.kind == .page && ($0.original ?? $0.contentPath) == "pages/privacy.md" }
        facts.set(.menu, menu.map { [$0.label, $0.page.sitePath] })
        facts.set(.footer, footerItems)
        facts.set(.services, serviceItems)
        facts.set(.homeServices, homeItems)
        facts.set(.posts, postItems)
        facts.set(.featuredCredits, credits?.featured ?? [])
        facts.set(.testimonials, testimonials)
        facts.set(.privacyPage, privacy?.sitePath ?? "")
        for (service, card) in zip(services, serviceItems) { facts.set(.service(service.sitePath), card) }
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

    func site(for page: Page, reads: ReadLog) -> SiteData {
        reads.note(.menu)
        reads.note(.footer)
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
    func otherServices(than current: Page, reads: ReadLog) -> [ListItem] {
        guard let index = serviceIndex[current.sitePath], services.count > 1 else { return [] }
        let count = min(Self.otherServicesLimit, services.count - 1)
        return (1...count).map { offset in
            let other = (index + offset) % services.count
            reads.note(.service(services[other].sitePath))
            return serviceItems[other]
        }
    }

    /// Every service's card, for the services list.
    func servicesList(reads: ReadLog) -> Prebuilt? {
        reads.note(.services)
        return servicesList
    }

    /// Every service, for the home page's structured data (the same titles, addresses and summaries as the cards).
    func catalog(reads: ReadLog) -> [Page] {
        reads.note(.services)
        return services
    }

    /// The first services, for the home page.
    func homeServices(reads: ReadLog) -> Prebuilt? {
        reads.note(.homeServices)
        return homeServices
    }

    /// Every news post's card, newest first.
    func postsList(reads: ReadLog) -> Prebuilt? {
        reads.note(.posts)
        return postsList
    }

    /// The credits marked `featured`.
    func featuredCredits(reads: ReadLog) -> [Credit] {
        reads.note(.featuredCredits)
        return credits?.featured ?? []
    }

    /// The testimonials, rendered once for every page that shows them.
    func testimonials(reads: ReadLog) -> [TestimonialItem] {
        reads.note(.testimonials)
        return testimonials
    }

    /// The privacy page (`pages/privacy.md`), which the contact form links to.
    func privacyPage(reads: ReadLog) -> Page? {
        reads.note(.privacyPage)
        return privacy
    }
}
