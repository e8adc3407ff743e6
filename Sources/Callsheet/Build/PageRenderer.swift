import Foundation

/// A `#fragment` link to check once every page's ids are known.
struct AnchorReference: Sendable {
    var targetPage: String
    var fragment: String
    var written: String
    var location: SourceLocation?
}

/// One rendered page and what it found along the way.
struct RenderedPage: Sendable {
    var outputPath: String
    var html: String
    var ids: Set<String>
    var anchors: [AnchorReference]
    var diagnostics: [Diagnostic]
    /// The images in media/ the page shows.
    var images: Set<String> = []
    /// What the page read of what pages share, so a rebuild renders it again only when one of those changed.
    var reads: Set<SharedFact> = []
}

/// Renders one page: its Markdown (links resolved, headings given ids), its kind's data, its template.
/// Pages do not depend on each other, so they render in parallel.
struct PageRenderer: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    let resolver: LinkResolver
    let context: TemplateContext
    let form: ContactForm?
    var images = SiteImages()

    func render(_ page: Page) -> RenderedPage {
        var (data, rendering) = templateData(for: page)
        let watched = templates.renderWatched(page.kind, context: data, page: page.sourcePath ?? "/\(page.sitePath)")
        if case .failure(let problem) = watched {
            rendering.diagnostics.append(problem)
            return RenderedPage(outputPath: page.outputPath, html: "", ids: [], anchors: rendering.anchors, diagnostics: rendering.diagnostics,
                                reads: rendering.reads.facts)
        }
        guard case .success(let html?) = watched else {
            rendering.diagnostics.append(.error("the template `\(page.kind.templateName).mustache` is missing, and \(page.sourcePath ?? "the page /\(page.sitePath)") needs it",
                                                at: page.sourcePath.map { SourceLocation(path: $0, line: 0) },
                                                hint: "add templates/\(page.kind.templateName).mustache"))
            return RenderedPage(outputPath: page.outputPath, html: "", ids: [], anchors: rendering.anchors, diagnostics: rendering.diagnostics,
                                reads: rendering.reads.facts)
        }
        let (finished, used) = ImageMarkup(images: images, root: config.baseURL.root).finish(html)
        return RenderedPage(outputPath: page.outputPath, html: finished, ids: Self.ids(in: finished), anchors: rendering.anchors,
                            diagnostics: rendering.diagnostics, images: used, reads: rendering.reads.facts)
    }

    /// What the page's template receives, and what making it found.
    func templateData(for page: Page) -> (TemplateValue, KindRendering) {
        var rendering = KindRendering(page: page, renderer: self)
        let (document, problems, anchors) = Self.markdown(page.body, in: page, firstLine: 1, config: config, resolver: resolver,
                                                          images: images)
        rendering.document = document
        rendering.diagnostics += problems
        rendering.anchors += anchors
        let kindData = page.kind.declaration.render(&rendering)
        if rendering.contentHTML == nil { rendering.contentHTML = rendering.document.renderHTML(headingIDs: &rendering.ids) }
        if rendering.ogImage == nil, let image = page.image {
            rendering.setImage(image, alt: page.imageAlt, location: page.imageLocation)
        }
        if rendering.ogImage == nil { rendering.setSitePreview() }
        var site = context.site(for: page, reads: rendering.reads)
        site.icons = images.headHTML
        var pageData = context.page(page, contentHTML: rendering.contentHTML ?? "", jsonld: rendering.jsonld,
                                    ogImage: rendering.ogImage, ogImageAlt: rendering.ogImageAlt)
        (pageData.ogImageWidth, pageData.ogImageHeight) = (rendering.ogImageSize?.width, rendering.ogImageSize?.height)
        let data = TemplateData(site: site, page: pageData, kind: kindData, strings: context.templateStrings)
        return (ContextEncoder.encode(data), rendering)
    }

    /// Parses Markdown written in `page` from body line `firstLine` on, resolving its links; returns it with
    /// the problems found and the `#anchor` links to check.
    static func markdown(_ text: String, in page: Page, firstLine: Int, config: SiteConfig,
                         resolver: LinkResolver, images: SiteImages? = nil) -> (MarkdownDocument, [Diagnostic], [AnchorReference]) {
        let document = MarkdownDocument(text, options: config.markdown)
        let file = page.contentPath ?? ""
        var diagnostics: [Diagnostic] = []
        var anchors: [AnchorReference] = []
        document.rewriteLinks { link in
            let location = page.bodyLocation(line: link.line + firstLine - 1, column: link.column)
            if link.isImage, !link.hasText {
                diagnostics.append(.warning("this image has no alt text", at: location,
                                            hint: "describe the image between the brackets: ![a calm rehearsal room](...)"))
            }
            if !link.isImage, link.destination.hasPrefix("#"), link.destination.count > 1 {
                anchors.append(AnchorReference(targetPage: page.sitePath, fragment: String(link.destination.dropFirst()),
                                               written: link.destination, location: location))
                return nil
            }
            switch resolver.resolve(link.destination, from: file) {
            case .external:
                return nil
            case .internalLink(let url, let target, let fragment):
                if link.isImage, let problem = images?.problem(atURL: url) { diagnostics.append(.error(problem.message, at: location, hint: problem.hint)) }
                if let original = resolver.untranslatedTarget(link.destination, from: file) {
                    diagnostics.append(.warning("this link leads to `\(original)`, which has no translation into `\(page.language)`, so readers get the original",
                                                at: location, hint: "add its translation beside it, or link to it knowingly"))
                }
                if let target, let fragment, !fragment.isEmpty {
                    anchors.append(AnchorReference(targetPage: target, fragment: fragment, written: link.destination, location: location))
                }
                return url
            case .problem(let message, let hint):
                diagnostics.append(.error(message, at: location, hint: hint))
                return nil
            }
        }
        for (line, column) in document.droppedRawHTML {
            diagnostics.append(.warning("this raw HTML is left out of the page, because `markdown.unsafe` is off",
                                        at: page.bodyLocation(line: line + firstLine - 1, column: column),
                                        hint: "set `markdown: {unsafe: true}` in site.yml to keep it, or remove it"))
        }
        return (document, diagnostics, anchors)
    }

    /// Every `id="..."` in rendered HTML.
    static func ids(in html: String) -> Set<String> {
        Set(html.quotedValues(after: " id=\""))
    }
}

/// One page on its way through its kind's renderer (`KindDeclaration.render`): what the kind may read,
/// and what it adds (structured data, the link-preview image, problems).
struct KindRendering {
    let page: Page
    let renderer: PageRenderer
    /// The page's Markdown body.
    var document = MarkdownDocument("")
    /// The body as HTML, when the kind renders it itself (the FAQ); else the whole body is rendered.
    var contentHTML: String?
    var ids: AnchorIDs
    var jsonld: [JSON] = []
    var ogImage: String?
    var ogImageAlt: String?
    /// The link-preview image's width and height, when it is one the build made.
    var ogImageSize: (width: Int, height: Int)?
    var diagnostics: [Diagnostic] = []
    var anchors: [AnchorReference] = []
    /// What the render read of what pages share.
    let reads = ReadLog()

    init(page: Page, renderer: PageRenderer) {
        self.page = page
        self.renderer = renderer
        ids = AnchorIDs(reserved: renderer.templates.fixedIDs)
    }

    var config: SiteConfig { renderer.config }
    var context: TemplateContext { renderer.context }

    /// Resolves a picture written in front matter (`/media/portrait.jpg` or an https address) to its URL,
    /// makes it the page's link-preview image, and reports a bad one at `location`.
    @discardableResult
    mutating func setImage(_ path: String, alt: String?, location: SourceLocation?, key: String = "image") -> String? {
        switch renderer.resolver.resolve(path, from: page.contentPath ?? "") {
        case .internalLink(let url, _, _):
            setPreview(url: url, alt: alt, location: location, key: key)
            return url
        case .external where path.hasPrefix("https://") || path.hasPrefix("http://"):
            ogImage = path
            ogImageAlt = alt
            return path
        case .external:
            diagnostics.append(.error("`\(key)` must be a file in media/, such as /media/portrait.jpg, or an https address", at: location))
        case .problem(let message, let hint):
            diagnostics.append(.error("the \(key == "photo" ? "photo" : "image"): \(message)", at: location, hint: hint))
        }
        return nil
    }
}
