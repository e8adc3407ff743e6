import Foundation

extension SiteChecker {
    func checkImages(_ page: ScannedPage, into diagnostics: inout Diagnostics) {
        for element in page.elements where element.name == "img" && element["alt"] == nil {
            for location in finder.origins(of: element["src"] ?? "<img", on: page.page) {
                diagnostics.warning("an image has no alt text", at: location,
                                    hint: "describe it for people who cannot see it (alt=\"\" only for decoration)")
            }
        }
    }

    func checkHeadings(_ page: ScannedPage, into diagnostics: inout Diagnostics) {
        var previous = 0
        for element in page.elements {
            guard let level = element.headingLevel else { continue }
            if previous > 0, level > previous + 1 {
                diagnostics.warning("this heading skips from h\(previous) to h\(level)", at: headingLocation(element, on: page.page),
                                    hint: "use one more `#` than the heading above it, so screen reader users keep their place")
            }
            previous = level
        }
    }

    /// A heading from Markdown is found by its id; a heading from a template by its text.
    private func headingLocation(_ element: HTMLElement, on page: Page) -> SourceLocation {
        if let id = element["id"], let source = page.sourcePath {
            for (index, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("#") {
                let text = line.drop { $0 == "#" }.trimmingSpaces()
                if Slug.anchor(from: text) == id || id.hasPrefix(Slug.anchor(from: text) + "-") {
                    return SourceLocation(path: source, line: index + 1 + page.bodyLineOffset, column: 1)
                }
            }
        }
        return finder.location(of: page)
    }

    func checkDescription(of page: Page, into diagnostics: inout Diagnostics) {
        guard let source = page.sourcePath, !page.isNoIndex else { return }
        guard let description = page.effectiveDescription else {
            diagnostics.warning("this page has no `description`", at: SourceLocation(path: source, line: 1, column: 1),
                                hint: "add `description: ...` to its front matter: one sentence of 50 to 160 characters for search results")
            return
        }
        let count = description.count
        if count < 50 || count > 160 {
            diagnostics.warning("the description is \(count) characters long; search engines show 50 to 160",
                                at: page.descriptionLocation ?? SourceLocation(path: source),
                                hint: count < 50 ? "say a little more about the page" : "shorten it to one sentence")
        }
    }

    func checkWeight(_ page: ScannedPage, into diagnostics: inout Diagnostics) {
        guard page.page.kind != .faq else { return }  // one file by design; it grows only with her questions and answers
        var bytes = page.html.utf8.count
        for element in page.elements where element.name == "link" && (element["rel"] ?? "").lowercased().contains("stylesheet") {
            guard let href = element["href"], href.hasPrefix(config.baseURL.root) else { continue }
            let file = Self.decoded(String(href.dropFirst(config.baseURL.root.count)))
            if let generated = report.site.files[file] { bytes += generated.utf8.count }
            if let source = report.site.copies[file], let size = try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int {
                bytes += size
            }
        }
        let budget = config.pageBudgetKB * 1024
        if bytes > budget {
            diagnostics.warning("this page weighs \(bytes / 1024) KB with its CSS, more than the \(config.pageBudgetKB) KB budget",
                                at: finder.location(of: page.page),
                                hint: "split it into pages, or raise `check: {page_budget_kb: ...}` in site.yml")
        }
    }

    /// Search results show about 60 characters of a title; the home page's title should not say the tagline again.
    func checkTitle(_ page: ScannedPage, into diagnostics: inout Diagnostics) {
        guard !page.page.isNoIndex, let title = Self.title(of: page) else { return }
        let isHome = page.page.kind == .home
        var own = title
        // The theme adds the site's name in the page's own language.
        let siteName = " · " + (page.page.language.isEmpty ? config : config.localized(to: page.page.language)).title
        if !isHome, own.hasSuffix(siteName) { own = String(own.dropLast(siteName.count)) }  // the theme's suffix may be cut
        let siteYAML = finder.siteYAML
        if own.count > 60 {
            let location = isHome ? siteYAML.flatMap { finder.location(ofKey: "title", inFile: $0) }
                : page.page.sourcePath.flatMap { finder.location(ofKey: "title", inFile: $0) }
            diagnostics.warning("the title \u{201C}\(own)\u{201D} is \(own.count) characters long; search results cut it after about 60",
                                at: location ?? finder.location(of: page.page),
                                hint: isHome ? "shorten `title` in site.yml: your name and what you do" : "shorten `title` in the front matter")
        }
        if isHome, let tagline = config.tagline, title.localizedCaseInsensitiveContains(tagline) {
            diagnostics.warning("the home page's title repeats the tagline",
                                at: siteYAML.flatMap { finder.location(ofKey: "tagline", inFile: $0) } ?? finder.location(of: page.page),
                                hint: "the tagline shows under the heading and in search results already; keep it out of `title`")
        }
    }

    /// The `og:image` a link to the page shows when shared in a message or on social media, if any.
    static func previewImage(of page: ScannedPage) -> String? {
        let image = page.elements.first { $0.name == "meta" && $0["property"] == "og:image" }?["content"]?.trimmingHTMLSpaces()
        return image?.isEmpty == false ? image : nil
    }

    /// Pages that a shared link shows with no picture. Without site.yml's `social_image` (which every page
    /// without a picture of its own takes) that is one warning there, whatever the number of pages.
    func checkMissingPreviewImages(_ pages: [ScannedPage], into diagnostics: inout Diagnostics) {
        let missing = pages.filter { !$0.page.isNoIndex && Self.previewImage(of: $0) == nil }
        guard !missing.isEmpty else { return }
        let hint = "a link shared in a message or on social media shows no picture; "
        if config.images.socialImage == nil, let siteYAML = finder.siteYAML {
            let named = missing.prefix(3).map { "/" + $0.page.sitePath }
            let more = missing.count > named.count ? " and \(missing.count - named.count) more" : ""
            diagnostics.warning("\(missing.count == 1 ? "a page has" : "\(missing.count) pages have") no link-preview image (\(named.joined(separator: ", "))\(more))",
                                at: SourceLocation(path: siteYAML),
                                hint: hint + "give the site a `social_image:` here (a JPEG or PNG in media/, ideally 1200 x 630), or a page its own `image:`")
            return
        }
        for page in missing {
            diagnostics.warning("this page has no link-preview image", at: finder.location(of: page.page),
                                hint: hint + "give the page an `image:` (a JPEG or PNG in media/), or check that its template writes `og:image`")
        }
    }

    /// A link-preview image that messaging apps do not show.
    func checkPreviewImage(_ page: ScannedPage, into diagnostics: inout Diagnostics) {
        guard !page.page.isNoIndex, let image = Self.previewImage(of: page) else { return }
        let meta = { (property: String) in
            page.elements.first { $0.name == "meta" && $0["property"] == property }?["content"]?.trimmingHTMLSpaces()
        }
        let path = image.split(separator: "?").first.map(String.init) ?? image
        if path.lowercased().hasSuffix(".svg") || (meta("og:image:type") ?? "").lowercased().contains("svg") {
            diagnostics.warning("the link-preview image `\(image)` is an SVG, which social media and messaging apps do not show",
                                at: page.page.picture?.location ?? finder.origins(of: image, on: page.page)[0],
                                hint: "use a JPEG or PNG, ideally 1200 x 630 pixels")
        }
    }
}
