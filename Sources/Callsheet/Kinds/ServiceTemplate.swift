/// The services list's keys: `services`.
struct ServicesData: Encodable {
    let services: Prebuilt?

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        ServicesData(services: rendering.context.servicesList(reads: rendering.reads))
    }
}

/// A service page's keys: `service`, and a few `other_services`.
struct ServiceData: Encodable {
    struct Service: Encodable {
        let title: String
        let summary: String?
    }

    let service: Service
    let otherServices: [ListItem]

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        let page = rendering.page
        return ServiceData(service: Service(title: page.title, summary: page.summary),
                           otherServices: rendering.context.otherServices(than: page, reads: rendering.reads))
    }
}
