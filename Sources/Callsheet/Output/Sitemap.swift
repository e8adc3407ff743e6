/// `sitemap.xml` and `robots.txt`.
enum Sitemap {
    static func xml(pages: [Page], baseURL: BaseURL) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for page in pages.filter({ !$0.isNoIndex }).sorted(by: { $0.sitePath < $1.sitePath }) {
            xml += "  <url>\n    <loc>\(HTML.escape(baseURL.absolute(page.sitePath)))</loc>\n"
            if let modified = page.updated ?? page.date {
                xml += "    <lastmod>\(HTML.escape(String(modified.prefix(10))))</lastmod>\n"
            }
            xml += "  </url>\n"
        }
        return xml + "</urlset>\n"
    }

    static func robots(baseURL: BaseURL) -> String {
        "User-agent: *\nAllow: /\n\nSitemap: \(baseURL.absolute("sitemap.xml"))\n"
    }
}
