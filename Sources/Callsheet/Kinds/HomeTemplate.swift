/// The home page's keys: the services, featured credits and the first testimonials.
struct HomeData: Encodable {
    let image: PictureItem?
    let services: Prebuilt?
    let credits: [CreditItem]
    let testimonials: [TestimonialItem]

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        let context = rendering.context
        let config = rendering.config
        var image: PictureItem?
        if let path = rendering.page.image,
           let src = rendering.setImage(path, alt: rendering.page.imageAlt, location: rendering.page.imageLocation) {
            image = PictureItem(src: src, alt: rendering.page.imageAlt ?? "")
        }
        rendering.jsonld.append(StructuredData.business(config, services: context.catalog(reads: rendering.reads), catalogName: context.strings.text("title_services", in: config.language)))
        let featured = context.featuredCredits(reads: rendering.reads).prefix(config.home.credits)
        return HomeData(image: image, services: context.homeServices(reads: rendering.reads),
                        credits: featured.map { CreditItem($0, config: config) },
                        testimonials: Array(context.testimonials(reads: rendering.reads).prefix(config.home.testimonials)))
    }
}

/// A picture and its alt text.
struct PictureItem: Encodable {
    let src: String
    let alt: String
}
