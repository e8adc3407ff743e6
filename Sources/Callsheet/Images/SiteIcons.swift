/// The `<link>`s, web manifest and monogram that give the site its icon in browser tabs, on home
/// screens and in app lists.
enum SiteIcons {
    static let manifestPath = "site.webmanifest"
    static let monogramPath = "favicon.svg"
    /// The theme's page background and accent, for the manifest and the monogram.
    static let background = "#fbf8f3"
    static let accent = "#6b2f5c"

    /// The head's icon links. With an icon made from site.yml's `icon` (`vector` when it was an SVG, which
    /// is then also linked as it is); without one, the monogram.
    static func headHTML(root: String, hasIcons: Bool, vectorIcon: String?) -> String {
        guard hasIcons else {
            return "<link rel=\"icon\" href=\"\(root)\(monogramPath)\" type=\"image/svg+xml\">"
        }
        var links = ["<link rel=\"icon\" href=\"\(root)favicon.ico\" sizes=\"32x32\">"]
        if let vectorIcon { links.append("<link rel=\"icon\" href=\"\(HTML.escape(vectorIcon))\" type=\"image/svg+xml\">") }
        links.append("<link rel=\"apple-touch-icon\" href=\"\(root)apple-touch-icon.png\">")
        links.append("<link rel=\"manifest\" href=\"\(root)\(manifestPath)\">")
        return links.joined(separator: "\n")
    }

    /// The web manifest: the site's name and its 192 and 512 px icons.
    static func manifest(title: String, shortName: String?, root: String, language: String) -> String {
        let icons: [JSON] = [192, 512].map { size in
            .object([("src", .string("\(root)icon-\(size).png")), ("sizes", .string("\(size)x\(size)")),
                     ("type", .string("image/png")), ("purpose", .string("any"))])
        }
        let short = shortName.flatMap { $0.count <= 12 ? $0 : $0.split(separator: " ").first.map(String.init) } ?? title
        return JSON.object([
            ("name", .string(title)), ("short_name", .string(short)), ("lang", .string(language)),
            ("start_url", .string(root)), ("scope", .string(root)), ("display", .string("browser")),
            ("background_color", .string(background)), ("theme_color", .string(background)),
            ("icons", .array(icons)),
        ]).serialized(indent: 2) + "\n"
    }

    /// A round monogram of `name`'s initials (at most two), for a site without an icon; nil when the
    /// name has no letters.
    static func monogram(of name: String) -> String? {
        let words = name.split(whereSeparator: { $0.isWhitespace || $0 == "-" }).filter { $0.first?.isLetter == true }
        var initials = words.first.map { String($0.prefix(1)) } ?? ""
        if words.count > 1, let last = words.last { initials += String(last.prefix(1)) }
        guard !initials.isEmpty else { return nil }
        let size = initials.count > 1 ? 28 : 36
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">\
        <circle cx="32" cy="32" r="32" fill="\(accent)"/>\
        <text x="32" y="32" dy=".35em" text-anchor="middle" font-family="Georgia, serif" font-size="\(size)" \
        fill="#fff">\(HTML.escape(initials.uppercased()))</text></svg>

        """
    }
}
