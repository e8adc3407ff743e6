/// Gives every plain `<img>` of a finished page that shows a processed image from `media/` (written in
/// Markdown or by a template) its `<picture>`: WebP and own-format `srcset`s, the real `width` and
/// `height`, and lazy loading for all but the first images (those up to the first one in `<main>`,
/// such as a logo and the hero picture). A tag that has a `srcset` already is left as it is; a
/// template's `sizes` is kept, else the text column's is used, and so is a template's `width` or
/// `height` (the other side then follows the picture's shape).
struct ImageMarkup {
    let images: SiteImages
    let root: String

    /// The page with its images upgraded, and the sources it shows.
    func finish(_ html: String) -> (html: String, used: Set<String>) {
        // Found by bytes: Foundation's string search copies the whole page at every call on Linux.
        let tags = html.withBytes { String.offsets(of: Array("<img".utf8), in: $0) }
        guard !tags.isEmpty else { return (html, []) }
        let utf8 = html.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var used = Set<String>()
        var output = ""
        output.reserveCapacity(html.utf8.count + 1024)
        let mainStart = html.withBytes { String.offsets(of: Array("<main".utf8), in: $0).first }.map(index)
        var eager = true
        var cursor = html.startIndex
        for start in tags.lazy.map(index) where start >= cursor {
            guard let (attributes, end) = Self.attributes(in: html, from: utf8.index(start, offsetBy: 4)) else { break }
            output += html[cursor..<start]
            let tag = String(html[start..<end])
            cursor = end
            let pastMain = mainStart.map { start > $0 } ?? true
            defer { if pastMain { eager = false } }
            guard attributes["srcset"] == nil, let src = attributes["src"], let source = images.source(forURL: src),
                  case .success(let info)? = images.pictures[source] else {
                output += tag
                continue
            }
            used.insert(source)
            var extra = ""
            for (name, value) in attributes.ordered where !Self.replaced.contains(name) {
                extra += value.map { " \(name)=\"\(HTML.escape($0))\"" } ?? " \(name)"
            }
            output += Self.sized(info, as: attributes).html(alt: attributes["alt"] ?? "", sizes: attributes["sizes"] ?? ImageInfo.Slot.prose.sizes,
                                                            root: root, eager: eager, extra: extra)
        }
        output += html[cursor...]
        return (output, used)
    }

    /// The image with the size a template gave its tag (a logo 44 px high), the other side following
    /// the picture's shape; the picture's own size when the tag gives none.
    static func sized(_ info: ImageInfo, as attributes: Attributes) -> ImageInfo {
        var sized = info
        let width = attributes["width"].flatMap { Int($0) }, height = attributes["height"].flatMap { Int($0) }
        guard info.width > 0, info.height > 0, width != nil || height != nil else { return info }
        sized.width = width ?? Int((Double(height!) * Double(info.width) / Double(info.height)).rounded())
        sized.height = height ?? Int((Double(width!) * Double(info.height) / Double(info.width)).rounded())
        return sized
    }

    /// Attributes the upgraded tag writes itself.
    static let replaced: Set<String> = ["src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"]

    /// A tag's attributes, in order, with entities in values decoded.
    struct Attributes {
        var ordered: [(String, String?)] = []
        subscript(name: String) -> String? { ordered.first { $0.0 == name }?.1 ?? nil }
    }

    /// The attributes of the tag whose name ends before `index`, and the index after its `>`.
    static func attributes(in html: String, from index: String.Index) -> (Attributes, String.Index)? {
        var result = Attributes()
        var position = index
        func skipSpaces() { while position < html.endIndex, html[position].isWhitespace { position = html.index(after: position) } }
        while true {
            skipSpaces()
            guard position < html.endIndex else { return nil }
            if html[position] == ">" { return (result, html.index(after: position)) }
            if html[position] == "/" { position = html.index(after: position); continue }
            let nameStart = position
            while position < html.endIndex, !html[position].isWhitespace, !"=>/".contains(html[position]) {
                position = html.index(after: position)
            }
            let name = html[nameStart..<position].lowercased()
            skipSpaces()
            guard position < html.endIndex, html[position] == "=" else {
                result.ordered.append((name, nil))
                continue
            }
            position = html.index(after: position)
            skipSpaces()
            guard position < html.endIndex else { return nil }
            let quote = html[position]
            let value: Substring
            if quote == "\"" || quote == "'" {
                let valueStart = html.index(after: position)
                guard let close = html[valueStart...].firstIndex(of: quote) else { return nil }
                value = html[valueStart..<close]
                position = html.index(after: close)
            } else {
                let valueStart = position
                while position < html.endIndex, !html[position].isWhitespace, html[position] != ">" { position = html.index(after: position) }
                value = html[valueStart..<position]
            }
            result.ordered.append((name, Self.decodeEntities(String(value))))
        }
    }

    /// `&amp;`, `&quot;`, `&#39;`, `&lt;` and `&gt;`: what cmark and Mustache write into attributes.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
