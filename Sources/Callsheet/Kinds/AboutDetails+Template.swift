/// The about page's keys: `about.photo`, `about.credentials`.
struct AboutData: Encodable {
    struct About: Encodable {
        let photo: PictureItem?
        let credentials: [CredentialItem]
    }

    struct CredentialItem: Encodable {
        let name: String
        let issuer: String?
        let year: String?
        let url: String?
    }

    let about: About

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        let details = rendering.page.details(AboutDetails.self) ?? AboutDetails()
        var photo: PictureItem?
        if let path = details.photo,
           let src = rendering.setImage(path, alt: details.photoAlt, location: details.photoLocation, key: "photo") {
            photo = PictureItem(src: src, alt: details.photoAlt ?? "")
        }
        if let person = StructuredData.person(rendering.config, about: rendering.page) { rendering.jsonld.append(person) }
        return AboutData(about: About(photo: photo, credentials: details.credentials.map {
            CredentialItem(name: $0.name, issuer: $0.issuer, year: $0.year, url: $0.url)
        }))
    }
}
