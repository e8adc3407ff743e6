extension KindRendering {
    /// Makes the processed image at the root-relative `url` the page's link preview: its 1200 x 630 cut.
    /// An unreadable image is an error at `location`; one too small to preview is a warning there, and
    /// the site's `social_image` is used instead.
    mutating func setPreview(url: String, alt: String?, location: SourceLocation?, key: String) {
        let images = renderer.images
        guard images.processed else { return }
        guard let source = images.source(forURL: url) else {
            if ImageFormat.isImage(name: url) {
                // An SVG libvips cannot draw is published as it is, and previews as it is (check warns).
                ogImage = config.baseURL.absolute(String(url.dropFirst(config.baseURL.root.count)))
                ogImageAlt = alt
            } else {
                diagnostics.append(.error("`\(key)` must be a JPEG, PNG, WebP or SVG image in media/", at: location))
            }
            return
        }
        if case .failure(let problem)? = images.pictures[source] {
            let (message, hint) = problem.message(for: source, role: "the \(key == "photo" ? "photo" : "image")")
            diagnostics.append(.error(message, at: location, hint: hint))
            return
        }
        switch images.socials[source] {
        case .success(let preview)?:
            ogImage = config.baseURL.absolute(LinkResolver.percentEncode(preview.path))
            ogImageAlt = alt
            ogImageSize = (preview.width, preview.height)
        case .failure(let problem)?:
            let (message, hint) = problem.message(for: source, role: "as a link preview, the \(key == "photo" ? "photo" : "image")")
            diagnostics.append(.warning(message, at: location, hint: hint))
        case nil:
            break
        }
    }

    /// The site's `social_image` as the link preview, for a page without a picture of its own.
    mutating func setSitePreview() {
        let images = renderer.images
        guard let source = images.siteSocialSource, case .success(let preview)? = images.socials[source] else { return }
        ogImage = config.baseURL.absolute(LinkResolver.percentEncode(preview.path))
        ogImageAlt = images.siteSocialAlt
        ogImageSize = (preview.width, preview.height)
    }
}
