/// The contact page's keys: `contact.email`, `contact.response_time` and the rendered `form`.
struct ContactData: Encodable {
    struct Contact: Encodable {
        let email: String?
        var responseTime: String?
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
        var contact = Contact(email: config.owner.email)
        contact.responseTime = rendering.page.details(ContactDetails.self)?.responseTime
            .map { config.markdown.smartPunctuation ? Typography.smart($0) : $0 }
        guard let form = rendering.renderer.form else { return ContactData(contact: contact, form: nil) }
        rendering.ids = AnchorIDs(reserved: rendering.renderer.templates.fixedIDs.union(form.elementIDs))
        let privacy = rendering.context.privacyPage(reads: rendering.reads)
        let success = form.success.hasPrefix("https://")
        let links = ContactForm.Links(successURL: success ? form.success : config.baseURL.url(form.success),
                                      successAbsoluteURL: success ? form.success : config.baseURL.absolute(form.success),
                                      privacyURL: privacy.map { config.baseURL.url($0.sitePath) }, ownerName: config.owner.name,
                                      words: rendering.context.strings.templateStrings(config.language))
        return ContactData(contact: contact,
                           form: Form(html: form.html(links: links), provider: form.provider.rawValue,
                                      schemaUrl: config.baseURL.url(config.folder(of: config.language) + ContactForm.schemaPath)))
    }
}
