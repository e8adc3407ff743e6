extension SiteContent {
    /// Adds the pages every site has (home, section lists, thank-you, 404), checks addresses are
    /// unique, and puts pages in site order.
    /// `words` are the theme's words in the pages' language, for the titles of the pages the build makes.
    static func arrange(_ pages: [Page], config: SiteConfig, words: (table: StringTable, code: String)? = nil,
                        diagnostics: inout Diagnostics) -> [Page] {
        var pages = pages
        let kinds = Set(pages.map(\.kind))
        func text(_ key: String, else english: String) -> String { words.map { $0.table.text(key, in: $0.code) } ?? english }
        func generated(_ kind: PageKind, body: String = "") -> Page {
            let title = switch kind {
            case .services: text("title_services", else: kind.declaration.defaultTitle)
            case .news: text("title_news", else: kind.declaration.defaultTitle)
            case .notFound: text("title_not_found", else: kind.declaration.defaultTitle)
            default: kind.declaration.defaultTitle
            }
            var page = Page(kind: kind, sourcePath: nil, contentPath: nil, sitePath: kind.fixedSitePath ?? "", title: title)
            page.body = body
            return page
        }
        for kind in PageKind.allCases where !kinds.contains(kind) {
            switch kind.declaration.source {
            case .file(_, optional: true, _):
                var page = generated(kind)
                if kind == .home { page.title = config.title }
                if kind == .notFound {
                    page.body = text("not_found_message", else: "Sorry, there is no page at this address. It may have moved, or the link may have a typo.")
                }
                pages.append(page)
            case .sectionList(let section) where kinds.contains(section.item):
                pages.append(generated(kind))
            case .generated where kind == .thanks:
                guard let contact = pages.first(where: { $0.kind == .contact }) else { continue }
                let details = contact.details(ContactDetails.self)
                var thanks = generated(.thanks, body: details?.thanksMessage
                                       ?? text("thanks_message", else: "Your message is on its way. I will reply as soon as I can."))
                thanks.title = details?.thanksTitle ?? text("title_thanks", else: "Thank you")
                thanks.contentPath = contact.contentPath
                pages.append(thanks)
            default:
                continue
            }
        }

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
        let rank = Dictionary(uniqueKeysWithValues: PageKind.allCases.enumerated().map { ($1, $0) })
        return unique.sorted { a, b in
            if a.kind != b.kind { return rank[a.kind, default: 0] < rank[b.kind, default: 0] }
            if case .sectionItem(let section) = a.kind.declaration.source, section.ordering == .newestFirst,
               let dateA = a.date, let dateB = b.date, dateA != dateB {
                return dateA > dateB
            }
            let orderA = a.order ?? Int.max, orderB = b.order ?? Int.max
            if orderA != orderB { return orderA < orderB }
            if a.title != b.title { return a.title < b.title }
            return a.sitePath < b.sitePath
        }
    }
}
