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
}

/// Renders one page: its Markdown (links resolved, headings given ids), its data, its template.
/// Pages do not depend on each other, so they render in parallel.
struct PageRenderer: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    let resolver: LinkResolver
    let context: TemplateContext
    let form: ContactForm?

    func render(_ page: Page) -> RenderedPage {
        var diagnostics: [Diagnostic] = []
        var anchors: [AnchorReference] = []
        let document = MarkdownDocument(page.body, options: config.markdown)
        let file = page.contentPath ?? ""
        document.rewriteLinks { link in
            let location = page.bodyLocation(line: link.line, column: link.column)
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
                if let target, let fragment, !fragment.isEmpty {
                    anchors.append(AnchorReference(targetPage: target, fragment: fragment, written: link.destination, location: location))
                }
                return url
            case .problem(let message, let hint):
                diagnostics.append(.error(message, at: location, hint: hint))
                return nil
            }
        }

        var ids = AnchorIDs(reserved: page.kind == .contact ? templates.fixedIDs.union(form?.elementIDs ?? []) : templates.fixedIDs)
        var data: [String: Any] = [:]
        var jsonld: [JSON] = []
        var ogImage: String?
        var contentHTML: String

        switch page.kind {
        case .faq:
            let (faq, problems) = FAQ.split(document, reservedIDs: templates.fixedIDs) { line, column in
                page.bodyLocation(line: line, column: column) ?? SourceLocation(path: page.sitePath, line: line, column: column)
            }
            diagnostics += problems
            contentHTML = faq.introHTML
            data["faq"] = faqContext(faq)
            if !faq.questions.isEmpty { jsonld.append(StructuredData.faqPage(faq, page: page, config: config)) }
        default:
            contentHTML = document.renderHTML(headingIDs: &ids)
        }

        switch page.kind {
        case .home:
            data["services"] = nonEmpty(context.serviceList(current: nil))
            jsonld.append(StructuredData.business(config, services: context.services))
        case .about:
            var about: [String: Any] = [:]
            if let photo = page.photo {
                switch resolver.resolve(photo, from: file) {
                case .internalLink(let url, _, _):
                    about["photo"] = ["src": url, "alt": page.photoAlt ?? ""]
                    ogImage = StructuredData.absoluteURL(photo, config: config)
                case .external where photo.hasPrefix("https://") || photo.hasPrefix("http://"):
                    about["photo"] = ["src": photo, "alt": page.photoAlt ?? ""]
                    ogImage = photo
                case .external:
                    diagnostics.append(.error("`photo` must be a file in media/, such as /media/portrait.jpg, or an https address",
                                              at: page.photoLocation))
                case .problem(let message, let hint):
                    diagnostics.append(.error("the photo: \(message)", at: page.photoLocation, hint: hint))
                }
            }
            if !page.credentials.isEmpty {
                about["credentials"] = page.credentials.map { credential -> [String: Any] in
                    var item: [String: Any] = ["name": credential.name]
                    item["issuer"] = credential.issuer
                    item["year"] = credential.year
                    item["url"] = credential.url
                    return item
                }
            }
            data["about"] = about
            if let person = StructuredData.person(config, about: page) { jsonld.append(person) }
        case .services:
            data["services"] = nonEmpty(context.serviceList(current: nil))
        case .service:
            var service: [String: Any] = ["title": page.title]
            service["summary"] = page.summary
            data["service"] = service
            data["services"] = nonEmpty(context.serviceList(current: page))
            data["other_services"] = nonEmpty(context.serviceList(current: page).filter { $0["current"] as? Bool != true })
        case .contact:
            var contact: [String: Any] = [:]
            contact["email"] = config.owner.email
            data["contact"] = contact
            if let form {
                let privacy = context.pages.first { $0.kind == .page && $0.contentPath == "pages/privacy.md" }
                let links = ContactForm.Links(
                    successURL: form.success.hasPrefix("https://") ? form.success : config.baseURL.url(form.success),
                    successAbsoluteURL: form.success.hasPrefix("https://") ? form.success : config.baseURL.absolute(form.success),
                    privacyURL: privacy.map { config.baseURL.url($0.sitePath) }, ownerName: config.owner.name)
                data["form"] = ["html": form.html(links: links), "provider": form.provider.rawValue,
                                "schema_url": config.baseURL.url(ContactForm.schemaPath)]
            }
        default:
            break
        }

        data["site"] = context.site(for: page)
        var pageData = context.page(page, contentHTML: contentHTML, jsonld: jsonld, ogImage: ogImage)
        if ogImage != nil { pageData["og_image_alt"] = page.photoAlt }
        data["page"] = pageData
        guard let html = templates.render(page.kind, context: data) else {
            diagnostics.append(.error("the template `\(page.kind.templateName).mustache` is missing, and \(page.sourcePath ?? "the page /\(page.sitePath)") needs it",
                                      at: page.sourcePath.map { SourceLocation(path: $0, line: 0) },
                                      hint: "add templates/\(page.kind.templateName).mustache"))
            return RenderedPage(outputPath: page.outputPath, html: "", ids: [], anchors: anchors, diagnostics: diagnostics)
        }
        return RenderedPage(outputPath: page.outputPath, html: html, ids: Self.ids(in: html), anchors: anchors,
                            diagnostics: diagnostics)
    }

    private func faqContext(_ faq: FAQ) -> [String: Any] {
        [
            "has_groups": faq.hasGroups,
            "count": faq.questions.count,
            "groups": faq.groups.map { group -> [String: Any] in
                var item: [String: Any] = [
                    "questions": group.questions.map { ["question": $0.text, "id": $0.id, "answer": $0.answerHTML] },
                ]
                item["title"] = group.title
                item["id"] = group.id
                return item
            },
        ]
    }

    private func nonEmpty(_ list: [[String: Any]]) -> [[String: Any]]? { list.isEmpty ? nil : list }

    /// Every `id="..."` in rendered HTML.
    static func ids(in html: String) -> Set<String> {
        Set(html.quotedValues(after: " id=\""))
    }
}
