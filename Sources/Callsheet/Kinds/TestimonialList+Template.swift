/// One testimonial as templates receive it: the quote and the attribution's rest as HTML.
struct TestimonialItem: Encodable, Hashable, Sendable {
    let quote: String
    let name: String
    let context: String?
}

/// The testimonials page's keys: `testimonials`.
struct TestimonialsData: Encodable {
    let testimonials: [TestimonialItem]

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        TestimonialsData(testimonials: rendering.context.testimonials(reads: rendering.reads))
    }
}

extension TestimonialList {
    /// Renders the testimonials of `page` once, for every page that shows them; links are resolved
    /// as in the page's body.
    static func rendered(_ page: Page?, config: SiteConfig, resolver: LinkResolver) -> ([TestimonialItem], [Diagnostic], [AnchorReference]) {
        guard let page, let list = page.details(TestimonialList.self) else { return ([], [], []) }
        var items: [TestimonialItem] = []
        var diagnostics: [Diagnostic] = []
        var anchors: [AnchorReference] = []
        for testimonial in list.testimonials {
            func html(_ markdown: String, inline: Bool) -> String {
                let (document, problems, links) = PageRenderer.markdown(markdown, in: page, firstLine: testimonial.quoteLine,
                                                                        config: config, resolver: resolver)
                diagnostics += problems
                anchors += links
                var ids = AnchorIDs()
                let rendered = document.renderHTML(headingIDs: &ids).trimmingSpaces()
                guard inline, rendered.hasPrefix("<p>"), rendered.hasSuffix("</p>") else { return rendered }
                return String(rendered.dropFirst(3).dropLast(4))
            }
            items.append(TestimonialItem(quote: html(testimonial.quote, inline: false), name: config.markdown.smartPunctuation ? Typography.smart(testimonial.name) : testimonial.name,
                                         context: testimonial.context.map { html($0, inline: true) }))
        }
        return (items, diagnostics, anchors)
    }
}
