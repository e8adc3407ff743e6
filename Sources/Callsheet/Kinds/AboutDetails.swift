/// One credential on the about page.
public struct Credential: Sendable, Hashable {
    public var name: String
    public var issuer: String?
    public var year: String?
    public var url: String?
}

/// The about page's photo and credentials.
struct AboutDetails: PageDetails {
    var photo: String?
    var photoAlt: String?
    var photoLocation: SourceLocation?
    var credentials: [Credential] = []

    static func read(_ reading: inout DetailsReading) -> (any PageDetails)? {
        var details = AboutDetails()
        details.photo = reading.fields.string("photo")
        details.photoLocation = reading.fields.value("photo")?.location
        details.photoAlt = reading.fields.string("photo_alt")
        if details.photo != nil, details.photoAlt == nil {
            reading.diagnostics.warning("the photo has no `photo_alt` text", at: details.photoLocation,
                                        hint: "describe the photo for people who cannot see it")
        }
        for item in reading.fields.list("credentials") ?? [] {
            var credential = FieldReader(item, at: item.location, what: "each credential")
            let name = credential.string("name", required: true)
            let value = Credential(name: name ?? "", issuer: credential.string("issuer"),
                                   year: credential.string("year"), url: credential.string("url"))
            if let url = value.url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                credential.error("a credential's `url` must start with https://", at: "url")
            }
            credential.warnAboutUnknownKeys(known: ["name", "issuer", "year", "url"], in: "a credential")
            reading.fields.absorb(credential)
            if name != nil { details.credentials.append(value) }
        }
        return details
    }
}
