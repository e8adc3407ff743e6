/// A URL found in a page: what the browser would follow when clicked, or load by itself.
struct URLReference: Sendable {
    /// The URL as the browser reads it (character references decoded).
    var url: String
    /// Whether the browser fetches it as the page loads (an image, a script, a stylesheet, a font), so
    /// another website would see every visitor; links (`<a href>`) are only followed when clicked.
    var isResource: Bool

    /// Every URL-bearing place of `elements`: `src`, each `srcset` candidate, `href` on the elements that
    /// load it (`link`, SVG `image` and `use`), `poster`, `data`, `formaction`, `input type=image`, `ping`,
    /// meta refresh, inline `style` and `<style>` (their `url()`s and `@import`s).
    static func all(in elements: [HTMLElement]) -> [URLReference] {
        var found: [URLReference] = []
        func add(_ url: String?, resource: Bool) {
            guard let url = url?.trimmingHTMLSpaces(), !url.isEmpty else { return }
            found.append(URLReference(url: url, isResource: resource))
        }
        for element in elements {
            let name = element.name
            for attribute in element.attributes {
                switch attribute.name {
                case "src":
                    if name == "input", element["type"]?.lowercased() != "image" { continue }
                    add(attribute.value, resource: true)
                case "srcset", "imagesrcset":
                    for candidate in candidates(inSrcset: attribute.value) { add(candidate, resource: true) }
                case "poster", "background", "manifest":
                    add(attribute.value, resource: true)
                case "data" where name == "object":
                    add(attribute.value, resource: true)
                case "href", "xlink:href":
                    if element.namespace == .svg {
                        add(attribute.value, resource: name != "a")
                    } else if name == "a" || name == "area" {
                        add(attribute.value, resource: false)
                    } else if name == "link" {
                        add(attribute.value, resource: loads(rel: element["rel"] ?? ""))
                    }
                case "formaction":
                    add(attribute.value, resource: false)
                case "ping":
                    for url in attribute.value.split(whereSeparator: \.isHTMLSpace) { add(String(url), resource: true) }
                case "style":
                    for reference in CSSTokenizer.references(in: attribute.value) { add(reference.url, resource: true) }
                case "content" where name == "meta" && element["http-equiv"]?.lowercased() == "refresh":
                    add(refreshURL(attribute.value), resource: false)
                default:
                    continue
                }
            }
            if name == "style" {
                for reference in CSSTokenizer.references(in: element.text) { add(reference.url, resource: true) }
            }
        }
        return found
    }

    /// `rel` values that name a relation without fetching anything.
    private static let relationsOnly: Set<String> = ["canonical", "alternate", "me", "author", "license", "help", "next",
                                                     "prev", "search", "bookmark", "external", "tag", "privacy-policy",
                                                     "terms-of-service"]

    /// Whether a `<link>` with this `rel` fetches its `href` (a stylesheet, an icon, a preload...).
    static func loads(rel: String) -> Bool {
        let words = rel.lowercased().split(whereSeparator: \.isHTMLSpace).map(String.init)
        return words.isEmpty || words.contains { !relationsOnly.contains($0) }
    }

    /// The URLs of a `srcset`, as the HTML standard splits it: a URL runs to the next space (a trailing
    /// comma ends it), then descriptors run to the next comma outside parentheses.
    static func candidates(inSrcset srcset: String) -> [String] {
        var urls: [String] = []
        var rest = Substring(srcset)
        while true {
            rest = rest.drop { $0.isHTMLSpace || $0 == "," }
            guard !rest.isEmpty else { break }
            let url = rest.prefix { !$0.isHTMLSpace }
            rest = rest[url.endIndex...]
            if url.hasSuffix(",") {
                urls.append(String(url.reversed().drop { $0 == "," }.reversed()))
                continue
            }
            urls.append(String(url))
            var depth = 0
            while let character = rest.first {
                if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
                rest = rest.dropFirst()
                if character == ",", depth == 0 { break }
            }
        }
        return urls
    }

    /// The URL of `<meta http-equiv="refresh" content="5; url=/next/">`.
    static func refreshURL(_ content: String) -> String? {
        guard let semicolon = content.firstIndex(where: { $0 == ";" || $0 == "," }) else { return nil }
        var rest = content[content.index(after: semicolon)...].drop(while: \.isHTMLSpace)
        if rest.lowercased().hasPrefix("url") {
            rest = rest.dropFirst(3).drop(while: \.isHTMLSpace)
            guard rest.first == "=" else { return nil }
            rest = rest.dropFirst().drop(while: \.isHTMLSpace)
        }
        if let quote = rest.first, quote == "\"" || quote == "'" {
            rest = rest.dropFirst().prefix { $0 != quote }
        }
        return String(rest)
    }
}

extension Character {
    /// ASCII whitespace as HTML defines it: space, tab, line feed, form feed, carriage return.
    var isHTMLSpace: Bool { self == " " || self == "\t" || self == "\n" || self == "\u{0C}" || self == "\r" || self == "\r\n" }
}

extension String {
    /// Without leading and trailing HTML whitespace; the usual value, with none, is returned as it is.
    func trimmingHTMLSpaces() -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        let bytes = Array(utf8)
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.count
        let end = bytes.lastIndex { !isSpace($0) }.map { $0 + 1 } ?? start
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}
