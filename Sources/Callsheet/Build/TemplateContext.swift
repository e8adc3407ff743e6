/// Builds the dictionaries templates receive (documented in docs/templates.md). Empty values are
/// left out, so `{{#key}}` sections skip them.
/// `@unchecked Sendable`: the prebuilt dictionaries hold only strings, booleans and arrays of them, never
/// changed after `init`, so sharing them between rendering threads is safe.
struct TemplateContext: @unchecked Sendable {
    let config: SiteConfig
    let pages: [Page]
    let services: [Page]
    private let navTargets: [(kind: PageKind, page: Page)]
    /// Built once: every page shows the same footer links.
    private let footerPages: [[String: Any]]?
    private let owner: [String: Any]

    init(config: SiteConfig, pages: [Page]) {
        self.config = config
        self.pages = pages
        services = pages.filter { $0.kind == .service }
        navTargets = [PageKind.about, .services, .faq, .contact].compactMap { kind in
            pages.first { $0.kind == kind }.map { (kind, $0) }
        }
        let extraPages = pages.filter { $0.kind == .page }
        footerPages = extraPages.isEmpty ? nil : extraPages.map {
            ["title": $0.navTitle ?? $0.title, "url": config.baseURL.url($0.sitePath)]
        }
        var owner: [String: Any] = [:]
        owner["name"] = config.owner.name
        owner["pronouns"] = config.owner.pronouns
        owner["role"] = config.owner.role
        owner["location"] = config.owner.location
        owner["email"] = config.owner.email
        if !config.owner.links.isEmpty {
            owner["links"] = config.owner.links.map { ["label": $0.label, "url": $0.url] }
        }
        self.owner = owner
    }

    static let navLabels: [PageKind: String] = [.about: "About", .services: "Services", .faq: "FAQ", .contact: "Contact"]

    func url(_ page: Page) -> String { config.baseURL.url(page.sitePath) }

    func site(for page: Page) -> [String: Any] {
        var site: [String: Any] = [
            "title": config.title,
            "language": config.language,
            "root": config.baseURL.root,
            "url": config.baseURL.absolute,
            "stylesheet": config.baseURL.url("assets/style.css"),
        ]
        site["tagline"] = config.tagline
        site["owner"] = owner
        site["nav"] = navTargets.map { target -> [String: Any] in
            let current = page.kind == target.kind || (target.kind == .services && page.kind == .service)
            return ["title": target.page.navTitle ?? Self.navLabels[target.kind] ?? target.page.title, "url": url(target.page), "current": current]
        }
        site["footer_pages"] = footerPages
        var urls: [String: Any] = ["home": config.baseURL.root]
        for target in navTargets { urls[target.kind.rawValue] = url(target.page) }
        site["urls"] = urls
        return site
    }

    func page(_ page: Page, contentHTML: String, jsonld: [JSON], ogImage: String?) -> [String: Any] {
        let description = page.description ?? config.description ?? config.tagline ?? page.title
        let headTitle: String
        if page.kind == .home {
            headTitle = config.tagline.map { "\(config.title) · \($0)" } ?? config.title
        } else {
            headTitle = "\(page.title) · \(config.title)"
        }
        var context: [String: Any] = [
            "kind": page.kind.rawValue,
            "title": page.title,
            "head_title": headTitle,
            "description": description,
            "url": url(page),
            "canonical": config.baseURL.absolute(page.sitePath),
            "og_type": page.kind == .about ? "profile" : (page.kind == .home ? "website" : "article"),
            "noindex": page.isNoIndex,
        ]
        if !contentHTML.isEmpty { context["content"] = contentHTML }
        context["date"] = page.date
        context["updated"] = page.updated
        context["og_image"] = ogImage
        if !jsonld.isEmpty { context["jsonld"] = jsonld.map { $0.serialized(forScript: true) } }
        return context
    }

    func serviceList(current: Page?) -> [[String: Any]] {
        services.map { service in
            var item: [String: Any] = ["title": service.title, "url": url(service),
                                       "current": service.sitePath == current?.sitePath]
            item["summary"] = service.summary
            return item
        }
    }
}
