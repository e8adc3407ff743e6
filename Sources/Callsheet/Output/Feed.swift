/// `/news/feed.xml`: an Atom feed of the news posts, with absolute URLs. Its `updated` is the newest
/// post's date, never the build time, so two builds of the same content give the same feed.
enum Feed {
    static let path = "news/feed.xml"

    static func atom(posts: [Page], list: Page?, config: SiteConfig) -> String {
        let base = config.baseURL
        func text(_ value: String) -> String { HTML.escape(value) }
        func timestamp(_ date: String) -> String { String(date.prefix(10)) + "T00:00:00Z" }
        let newest = posts.map { $0.updated ?? $0.date ?? "" }.max() ?? "1970-01-01"
        let listURL = base.absolute(list?.sitePath ?? "news/")
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        xml += "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"\(text(config.language))\">\n"
        xml += "  <title>\(text(config.title)): \(text(list?.title ?? "News"))</title>\n"
        if let tagline = config.tagline { xml += "  <subtitle>\(text(tagline))</subtitle>\n" }
        xml += "  <link href=\"\(text(base.absolute(config.folder(of: config.language) + path)))\" rel=\"self\" type=\"application/atom+xml\"/>\n"
        xml += "  <link href=\"\(text(listURL))\" rel=\"alternate\" type=\"text/html\"/>\n"
        xml += "  <id>\(text(listURL))</id>\n"
        xml += "  <updated>\(timestamp(newest))</updated>\n"
        xml += "  <author><name>\(text(config.owner.name ?? config.title))</name></author>\n"
        for post in posts {
            let url = text(base.absolute(post.sitePath))
            let published = post.date ?? newest
            xml += "  <entry>\n"
            xml += "    <title>\(text(post.title))</title>\n"
            xml += "    <link href=\"\(url)\" rel=\"alternate\" type=\"text/html\"/>\n"
            xml += "    <id>\(url)</id>\n"
            xml += "    <published>\(timestamp(published))</published>\n"
            xml += "    <updated>\(timestamp(post.updated ?? published))</updated>\n"
            if let summary = post.effectiveDescription { xml += "    <summary>\(text(summary))</summary>\n" }
            xml += "  </entry>\n"
        }
        return xml + "</feed>\n"
    }
}
