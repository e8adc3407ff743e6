extension ImageInfo {
    /// How wide an image shows in the default theme, for `sizes`: the browser picks the file from it.
    enum Slot {
        /// The about page's portrait: the full column on a phone, at most 20rem beside the text.
        case portrait
        /// A picture in the text: the full width on a phone, at most the text column (65ch, about 40rem).
        case prose
        /// A hero picture across the page: at most the theme's 72rem wrap.
        case wide

        var sizes: String {
            switch self {
            case .portrait: return "(min-width: 48rem) min(38vw, 20rem), 100vw"
            case .prose: return "(min-width: 44rem) 40rem, 100vw"
            case .wide: return "(min-width: 72rem) 72rem, 100vw"
            }
        }
    }

    /// The `<picture>` (or, for SVG, the `<img>`) that shows this image: WebP and the image's own format
    /// as `srcset`s, the real `width` and `height` so the page does not jump as it loads, and
    /// `loading="lazy" decoding="async"` unless it is the first image of the page (`eager`).
    /// `sizes` is the attribute's text (`Slot.sizes` for the theme's places); `extra` holds further
    /// attributes of the `<img>`, already escaped, each with a space before it.
    func html(alt: String, sizes: String, root: String, eager: Bool, extra: String = "") -> String {
        var attributes = extra
        attributes += " alt=\"\(HTML.escape(alt))\" width=\"\(width)\" height=\"\(height)\""
        if !eager { attributes += " loading=\"lazy\" decoding=\"async\"" }
        let fallback = variants(in: fallbackFormat)
        func url(_ path: String) -> String { root + LinkResolver.percentEncode(path) }
        guard let src = fallback.last(where: { $0.width <= 1200 }) ?? fallback.first else {
            return "<img src=\"\(HTML.escape(url(source)))\"\(attributes)>"
        }
        func srcset(_ list: [ImageVariant]) -> String {
            // A comma would end a candidate early.
            HTML.escape(list.map { "\(url($0.path).replacingOccurrences(of: ",", with: "%2C")) \($0.width)w" }.joined(separator: ", "))
        }
        let sizes = " sizes=\"\(HTML.escape(sizes))\""
        let img = "<img src=\"\(HTML.escape(url(src.path)))\" srcset=\"\(srcset(fallback))\"\(sizes)\(attributes)>"
        guard fallbackFormat != .webp else { return img }
        return "<picture><source type=\"image/webp\" srcset=\"\(srcset(variants(in: .webp)))\"\(sizes)>\(img)</picture>"
    }

    /// The file a phone fetches: the narrowest WebP at least `pixels` wide (a phone's screen is about
    /// 1080 device pixels across), else the widest; nil for SVG. `build-site check` weighs pages with it.
    func phoneCandidate(pixels: Int = 1080) -> ImageVariant? {
        let webp = variants(in: .webp)
        return webp.first { $0.width >= pixels } ?? webp.last
    }
}
