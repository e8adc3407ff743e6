/// `sitemap.xml` and `robots.txt`.
enum Sitemap {
    /// Every indexable page; a page with translations lists each version (itself included) as an
    /// `xhtml:link` alternate, as search engines ask.
    static func xml(pages: [Page], baseURL: BaseURL, versions: LanguageVersions? = nil) -> String {
        let alternates = pages.map { versions?.alternates(of: $0, baseURL: baseURL) ?? [] }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
        xml += alternates.contains { !$0.isEmpty } ? " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n" : ">\n"
        // The indices are sorted, not the pages: moving a page is copying a large value (more than half of a
        // 10,000-page site's sitemap).
        let order = pages.indices.filter { !pages[$0].isNoIndex }.sorted { pages[$0].sitePath < pages[$1].sitePath }
        for (page, links) in order.lazy.map({ (pages[$0], alternates[$0]) }) {
            xml += "  <url>\n    <loc>\(HTML.escape(baseURL.absolute(page.sitePath)))</loc>\n"
            if let modified = page.updated ?? page.date {
                xml += "    <lastmod>\(HTML.escape(String(modified.prefix(10))))</lastmod>\n"
            }
            for link in links {
                xml += "    <xhtml:link rel=\"alternate\" hreflang=\"\(HTML.escape(link.hreflang))\" href=\"\(HTML.escape(link.url))\"/>\n"
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(baseURL: BaseURL) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL.absolute("sitemap.xml"))\n"
    }
}
