/// The contact page's form spec and thank-you text.
struct ContactDetails: PageDetails {
    /// The `form:` spec as written; `Form/ContactForm` reads it.
    var form: YAMLValue?
    /// The `thanks:` title and message (Markdown) for the thank-you page.
    var thanksTitle: String?
    var thanksMessage: String?
    /// How soon the coordinator replies (`response_time`), shown beside the form.
    var responseTime: String?

    static func read(_ reading: inout DetailsReading) -> (any PageDetails)? {
        var details = ContactDetails()
        details.form = reading.fields.value("form")
        details.responseTime = reading.fields.string("response_time")
        if var thanks = reading.fields.mapping("thanks") {
            details.thanksTitle = thanks.string("title")
            details.thanksMessage = thanks.string("message")
            thanks.warnAboutUnknownKeys(known: ["title", "message"], in: "`thanks`")
            reading.fields.absorb(thanks)
        }
        return details
    }
}
