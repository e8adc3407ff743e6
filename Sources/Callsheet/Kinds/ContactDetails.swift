/// The contact page's form spec and thank-you text.
struct ContactDetails: PageDetails {
    /// The `form:` spec as written; `Form/ContactForm` reads it.
    var form: YAMLValue?
    /// The `thanks:` title and message (Markdown) for the thank-you page.
    var thanksTitle: String?
    var thanksMessage: String?

    static func read(_ reading: inout DetailsReading) -> (any PageDetails)? {
        var details = ContactDetails()
        details.form = reading.fields.value("form")
        if var thanks = reading.fields.mapping("thanks") {
            details.thanksTitle = thanks.string("title")
            details.thanksMessage = thanks.string("message")
            thanks.warnAboutUnknownKeys(known: ["title", "message"], in: "`thanks`")
            reading.fields.absorb(thanks)
        }
        return details
    }
}
