/// Everything the content folder holds: settings, pages and media, checked and ordered.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// Every published page, in site order (home, about, services, FAQ, contact, extra pages, 404).
    public var pages: [Page]
    /// Files under `media/`, as paths inside the content folder.
    public var mediaFiles: [String]

    static let commonKeys: Set<String> = ["title", "description", "slug", "order", "draft", "date", "updated", "nav_title"]
    static let extraKeys: [PageKind: Set<String>] = [
        .about: ["photo", "photo_alt", "credentials"],
        .service: ["summary"],
        .contact: ["form", "thanks"],
    ]
    /// Top-level site paths that pages from `pages/` may not take.
    static let reservedSlugs: Set<String> = ["about", "services", "faq", "contact", "media", "assets", "index",
                                             "404", "sitemap.xml", "robots.txt"]

    /// Reads and checks every page. `readText` returns a file's text (the disk, or a test's dictionary).
    public static func load(files: [String], displayPath: (String) -> String, readText: (String) -> Result<String, Diagnostic>,
                            includeDrafts: Bool, jobs: Int = 1) -> (SiteContent?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        guard files.contains("site.yml") else {
            diagnostics.error("site.yml is missing", at: SourceLocation(path: displayPath("site.yml"), line: 0),
                              hint: "create it with at least `title:` and `base_url:`")
            return (nil, diagnostics.all)
        }
        var config: SiteConfig?
        switch readText("site.yml") {
        case .success(let text):
            let (parsed, problems) = SiteConfig.parse(text, path: displayPath("site.yml"))
            config = parsed
            diagnostics.append(contentsOf: problems)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        }

        var pageFiles: [(file: String, kind: PageKind)] = []
        var media: [String] = []
        for file in files {
            if file == "site.yml" { continue }
            if file.hasPrefix("media/") { media.append(file); continue }
            guard let kind = kind(of: file) else {
                if file.hasSuffix(".md") {
                    diagnostics.warning("this file is not part of the site, so it is left out",
                                        at: SourceLocation(path: displayPath(file), line: 0),
                                        hint: "extra pages go in pages/, services in services/")
                }
                continue
            }
            pageFiles.append((file, kind))
        }
        // Reading and parsing front matter is most of this stage, and files do not depend on each other.
        let read = concurrentMap(pageFiles, jobs: jobs) { entry -> (Page?, [Diagnostic]) in
            var found = Diagnostics()
            switch readText(entry.file) {
            case .success(let text):
                let page = readPage(text, file: entry.file, kind: entry.kind, displayPath: displayPath(entry.file), diagnostics: &found)
                return (page, found.all)
            case .failure(let diagnostic):
                return (nil, [diagnostic])
            }
        }
        var pages: [Page] = []
        for (page, found) in read {
            diagnostics.append(contentsOf: found)
            if let page, includeDrafts || !page.isDraft { pages.append(page) }
        }
        guard let config else { return (nil, diagnostics.all) }
        pages = arrange(pages, config: config, diagnostics: &diagnostics)
        return (SiteContent(config: config, pages: pages, mediaFiles: media), diagnostics.all)
    }

    /// Which kind of page a content file is, by where it sits; nil for files that are not pages.
    static func kind(of file: String) -> PageKind? {
        switch file {
        case "index.md": return .home
        case "about.md": return .about
        case "faq.md": return .faq
        case "contact.md": return .contact
        case "404.md": return .notFound
        case "services/_index.md": return .services
        default:
            let parts = file.split(separator: "/")
            guard parts.count == 2, file.hasSuffix(".md") else { return nil }
            if parts[0] == "services" { return .service }
            if parts[0] == "pages" { return .page }
            return nil
        }
    }

    static func readPage(_ text: String, file: String, kind: PageKind, displayPath: String,
                         diagnostics: inout Diagnostics) -> Page? {
        if text.isBlank {
            diagnostics.error("this file is empty", at: SourceLocation(path: displayPath, line: 0),
                              hint: "start it with front matter: a `---` line, `title: ...`, and another `---` line")
            return nil
        }
        let frontMatter: FrontMatter
        switch FrontMatter.parse(text, path: displayPath) {
        case .success(let parsed): frontMatter = parsed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        var fields = FieldReader(frontMatter.yaml, at: SourceLocation(path: displayPath), what: "front matter")
        let stem = String((file.split(separator: "/").last ?? "").dropLast(3))
        let needsTitle = kind == .service || kind == .page
        var page = Page(kind: kind, sourcePath: displayPath, contentPath: file, sitePath: "",
                        title: fields.string("title", required: needsTitle) ?? defaultTitle(kind))
        page.description = fields.string("description")
        page.descriptionLocation = fields.value("description")?.location
        page.navTitle = fields.string("nav_title")
        page.order = fields.int("order")
        page.date = fields.date("date")
        page.updated = fields.date("updated")
        page.isDraft = fields.bool("draft") ?? false
        page.body = frontMatter.body
        page.bodyLineOffset = frontMatter.bodyLineOffset

        switch kind {
        case .service, .page:
            var slug = Slug.anchor(from: stem)
            page.slugLocation = SourceLocation(path: displayPath, line: 0)
            if let written = fields.string("slug") {
                page.slugLocation = fields.value("slug")?.location
                if Slug.isValidSegment(written) {
                    slug = written
                } else {
                    fields.error("`slug` must be lower-case letters, digits and hyphens, such as `consent-workshops`",
                                 at: "slug", hint: "a slug becomes part of the page's address; `/`, `..` and spaces are not allowed")
                }
            }
            if kind == .page, reservedSlugs.contains(slug) {
                fields.append(.error("the address `/\(slug)/` is already used by the site", at: page.slugLocation,
                                     hint: "rename the file or give it another `slug`"))
            }
            page.sitePath = kind == .service ? "services/\(slug)/" : "\(slug)/"
        default:
            page.sitePath = sitePath(of: kind)
        }

        if kind == .service {
            page.summary = fields.string("summary", required: true)
        }
        if kind == .about {
            page.photo = fields.string("photo")
            page.photoLocation = fields.value("photo")?.location
            page.photoAlt = fields.string("photo_alt")
            if page.photo != nil, page.photoAlt == nil {
                diagnostics.warning("the photo has no `photo_alt` text", at: page.photoLocation,
                                    hint: "describe the photo for people who cannot see it")
            }
            for item in fields.list("credentials") ?? [] {
                var credential = FieldReader(item, at: item.location, what: "each credential")
                let name = credential.string("name", required: true)
                let value = Credential(name: name ?? "", issuer: credential.string("issuer"),
                                       year: credential.string("year"), url: credential.string("url"))
                if let url = value.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                    credential.error("a credential's `url` must start with https://", at: "url")
                }
                credential.warnAboutUnknownKeys(known: ["name", "issuer", "year", "url"], in: "a credential")
                fields.absorb(credential)
                if name != nil { page.credentials.append(value) }
            }
        }
        if kind == .contact {
            page.form = fields.value("form")
            if var thanks = fields.mapping("thanks") {
                page.thanksTitle = thanks.string("title")
                page.thanksMessage = thanks.string("message")
                thanks.warnAboutUnknownKeys(known: ["title", "message"], in: "`thanks`")
                fields.absorb(thanks)
            }
        }
        fields.warnAboutUnknownKeys(known: commonKeys.union(extraKeys[kind] ?? []), in: "front matter")
        diagnostics.append(contentsOf: fields.diagnostics.all)
        return fields.diagnostics.hasErrors ? nil : page
    }

    static func defaultTitle(_ kind: PageKind) -> String {
        switch kind {
        case .home: return "Home"
        case .about: return "About"
        case .services: return "Services"
        case .service, .page: return "Untitled"
        case .faq: return "Frequently Asked Questions"
        case .contact: return "Contact"
        case .thanks: return "Thank you"
        case .notFound: return "Page not found"
        }
    }

    static func sitePath(of kind: PageKind) -> String {
        switch kind {
        case .home: return ""
        case .about: return "about/"
        case .services: return "services/"
        case .faq: return "faq/"
        case .contact: return "contact/"
        case .thanks: return "contact/thanks/"
        case .notFound: return "404.html"
        case .service, .page: return ""
        }
    }

    /// Adds the pages every site has (home, services list, thank-you, 404), checks addresses are
    /// unique, and puts pages in site order.
    static func arrange(_ pages: [Page], config: SiteConfig, diagnostics: inout Diagnostics) -> [Page] {
        var pages = pages
        func has(_ kind: PageKind) -> Bool { pages.contains { $0.kind == kind } }
        func generated(_ kind: PageKind, body: String = "") -> Page {
            var page = Page(kind: kind, sourcePath: nil, contentPath: nil, sitePath: sitePath(of: kind), title: defaultTitle(kind))
            page.body = body
            return page
        }
        if !has(.home) {
            var home = generated(.home)
            home.title = config.title
            pages.append(home)
        }
        if !has(.services), has(.service) { pages.append(generated(.services)) }
        if let contact = pages.first(where: { $0.kind == .contact }) {
            var thanks = generated(.thanks, body: contact.thanksMessage ?? "Your message is on its way. I will reply as soon as I can.")
            thanks.title = contact.thanksTitle ?? "Thank you"
            thanks.contentPath = contact.contentPath
            pages.append(thanks)
        }
        if !has(.notFound) {
            pages.append(generated(.notFound, body: "Sorry, there is no page at this address. It may have moved, or the link may have a typo."))
        }
        if let index = pages.firstIndex(where: { $0.kind == .notFound }) { pages[index].sitePath = "404.html" }

        var claimed: [String: Page] = [:]
        var unique: [Page] = []
        for page in pages {
            if let first = claimed[page.sitePath] {
                // Point at the `slug:` line that made the clash, when one of the two has it.
                let written = [page, first].first { ($0.slugLocation?.line ?? 0) > 0 } ?? page
                let other = written.sitePath == page.sitePath && written.sourcePath == page.sourcePath ? first : page
                diagnostics.error("`\(written.sourcePath ?? written.title)` and `\(other.sourcePath ?? other.title)` both make the page /\(page.sitePath)",
                                  at: written.slugLocation ?? written.sourcePath.map { SourceLocation(path: $0, line: 0) },
                                  hint: "give one of them another `slug`")
                continue
            }
            claimed[page.sitePath] = page
            unique.append(page)
        }
        let rank: [PageKind: Int] = [.home: 0, .about: 1, .services: 2, .service: 3, .faq: 4, .contact: 5, .thanks: 6, .page: 7, .notFound: 8]
        return unique.sorted { a, b in
            if a.kind != b.kind { return rank[a.kind, default: 9] < rank[b.kind, default: 9] }
            let orderA = a.order ?? Int.max, orderB = b.order ?? Int.max
            if orderA != orderB { return orderA < orderB }
            if a.title != b.title { return a.title < b.title }
            return a.sitePath < b.sitePath
        }
    }
}
