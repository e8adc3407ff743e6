/// What a page is, which decides where its source lives, its address, its template, the front matter
/// it takes, its place in the site and whether it can be in the menu. Every kind is declared once, in
/// `declaration`; the cases are listed in site order (the order of the sitemap and of `arrange`).
public enum PageKind: String, Sendable, CaseIterable {
    case home, about, services, service, credits, testimonials, faq, news, post, contact, thanks, page
    case notFound = "404"

    /// The template that renders this kind of page.
    public var templateName: String { rawValue }

    /// Everything that differs between kinds, looked up in the table made once from `declared`.
    var declaration: KindDeclaration { Self.table[self] ?? declared }

    private static let table = Dictionary(uniqueKeysWithValues: allCases.map { ($0, $0.declared) })

    /// The declarations. The `switch` is exhaustive, so a kind cannot be half declared.
    private var declared: KindDeclaration {
        switch self {
        case .home:
            return KindDeclaration(source: .file("index.md", optional: true, address: ""), defaultTitle: "Home",
                                   keys: ["image", "image_alt"], ogType: "website", render: HomeData.render)
        case .about:
            return KindDeclaration(source: .file("about.md"), defaultTitle: "About", menuLabel: "About",
                                   keys: ["photo", "photo_alt", "credentials", "image", "image_alt"], ogType: "profile",
                                   details: AboutDetails.read, render: AboutData.render)
        case .services:
            return KindDeclaration(source: .sectionList(.services), defaultTitle: "Services", menuLabel: "Services", render: ServicesData.render)
        case .service:
            return KindDeclaration(source: .sectionItem(.services), defaultTitle: "Untitled", titleRequired: true,
                                   summaryRequired: true, keys: ["summary", "image", "image_alt"], render: ServiceData.render)
        case .credits:
            return KindDeclaration(source: .file("credits.md"), defaultTitle: "Credits", menuLabel: "Credits",
                                   keys: ["credits"], details: CreditList.read, render: CreditsData.render)
        case .testimonials:
            return KindDeclaration(source: .file("testimonials.md"), defaultTitle: "Testimonials", menuLabel: "Testimonials",
                                   details: TestimonialList.read, render: TestimonialsData.render)
        case .faq:
            return KindDeclaration(source: .file("faq.md"), defaultTitle: "Frequently Asked Questions", menuLabel: "FAQ", render: FAQData.render)
        case .news:
            return KindDeclaration(source: .sectionList(.news), defaultTitle: "News", menuLabel: "News", render: NewsData.render)
        case .post:
            return KindDeclaration(source: .sectionItem(.news), defaultTitle: "Untitled", titleRequired: true,
                                   dateRequired: true, keys: ["summary", "image", "image_alt"], render: PostData.render)
        case .contact:
            return KindDeclaration(source: .file("contact.md"), defaultTitle: "Contact", menuLabel: "Contact",
                                   keys: ["form", "thanks", "response_time"], details: ContactDetails.read, render: ContactData.render)
        case .thanks:
            return KindDeclaration(source: .generated(path: "contact/thanks/"), defaultTitle: "Thank you", isNoIndex: true)
        case .page:
            return KindDeclaration(source: .folder("pages"), defaultTitle: "Untitled", titleRequired: true,
                                   keys: ["image", "image_alt"])
        case .notFound:
            return KindDeclaration(source: .file("404.md", optional: true, address: "404.html"), defaultTitle: "Page not found", isNoIndex: true)
        }
    }

    /// The site path of a kind that has one fixed address (`faq/`); nil for kinds whose pages take a slug.
    var fixedSitePath: String? {
        switch declaration.source {
        case .file(let name, _, let address): return address ?? String(name.dropLast(3)) + "/"
        case .sectionList(let section): return section.folder + "/"
        case .generated(let path): return path
        case .sectionItem, .folder: return nil
        }
    }

    /// The kind of a content file, by where it sits; nil for files that are not pages.
    static func of(file: String) -> PageKind? {
        let parts = file.split(separator: "/", omittingEmptySubsequences: false)
        guard file.hasSuffix(".md") else { return nil }
        for kind in allCases {
            switch kind.declaration.source {
            case .file(let name, _, _) where parts.count == 1 && name == file: return kind
            case .sectionList(let section) where file == section.folder + "/_index.md": return kind
            case .sectionItem(let section) where parts.count == 2 && parts[0] == section.folder && parts[1] != "_index.md": return kind
            case .folder(let folder) where parts.count == 2 && parts[0] == folder: return kind
            default: continue
            }
        }
        return nil
    }

}

/// Where a kind's pages come from.
enum PageSource: Sendable {
    /// One file at the top of `content/`; `optional` kinds are made up when it is missing. Its page is
    /// at `address`, or else at the file's name as a folder (`faq.md` at `faq/`).
    case file(String, optional: Bool = false, address: String? = nil)
    /// The list page of a section (`services/_index.md`, made up when the section has items).
    case sectionList(Section)
    /// One page per Markdown file of a section's folder.
    case sectionItem(Section)
    /// One page per Markdown file of a folder, at `/<slug>/`.
    case folder(String)
    /// Made up by the build, never written by the user.
    case generated(path: String)
}

/// A folder of dated or ordered pages and the page that lists them: services, news.
struct Section: Sendable, Hashable {
    /// The folder in `content/`, which is also the list's address.
    let folder: String
    let list: PageKind
    let item: PageKind
    let ordering: Ordering

    enum Ordering: Sendable { case byOrderThenTitle, newestFirst }

    static let services = Section(folder: "services", list: .services, item: .service, ordering: .byOrderThenTitle)
    static let news = Section(folder: "news", list: .news, item: .post, ordering: .newestFirst)
}

/// The facts about one kind of page; see `PageKind.declaration`.
struct KindDeclaration: Sendable {
    var source: PageSource
    var defaultTitle: String
    var titleRequired = false
    var summaryRequired = false
    var dateRequired = false
    /// The label when the kind is in the menu; nil for kinds that cannot be menu entries on their own
    /// (a single service or post can, as a file named in `nav:`, with its own title).
    var menuLabel: String?
    /// Front matter keys beyond the common ones.
    var keys: Set<String> = []
    var isNoIndex = false
    var ogType = "article"
    /// Reads the kind's own front matter and body, after the common keys.
    var details: (@Sendable (inout DetailsReading) -> (any PageDetails)?)?
    /// Makes the kind's own template data (and its JSON-LD); the common keys are added by `PageRenderer`.
    var render: @Sendable (inout KindRendering) -> any Encodable = { _ in NoKindData() }
}
