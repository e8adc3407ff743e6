/// The contact page's keys: `contact.email` and the rendered `form`.
struct ContactData: Encodable {
    struct Contact: Encodable {
        let email: String?
    }

    struct Form: Encodable {
        let html: String
        let provider: String
        let schemaUrl: String
    }

    let contact: Contact
    let form: Form?

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        let config = rendering.config
        guard let form = rendering.renderer.form else { return ContactData(contact: Contact(email: config.owner.email), form: nil) }
        rendering.ids = AnchorIDs(reserved: rendering.renderer.templates.fixedIDs.union(form.elementIDs))
        let privacy = rendering.context.pages.first { $0.kind == .page && $0.contentPath == "pages/privacy.md" }
        let success = form.success.hasPrefix("https://")
        let links = ContactForm.Links(successURL: success ? form.success : config.baseURL.url(form.success),
                                      successAbsoluteURL: success ? form.success : config.baseURL.absolute(form.success),
                                      privacyURL: privacy.map { config.baseURL.url($0.sitePath) }, ownerName: config.owner.name)
        return ContactData(contact: Contact(email: config.owner.email),
                           form: Form(html: form.html(links: links), provider: form.provider.rawValue,
                                      schemaUrl: config.baseURL.url(ContactForm.schemaPath)))
    }
}
