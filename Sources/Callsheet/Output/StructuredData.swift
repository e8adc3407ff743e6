/// schema.org JSON-LD for the pages that carry it: the coordinator's business on the home page,
/// the coordinator as a Person on the about page, and the FAQPage.
enum StructuredData {
    static let context: (String, JSON) = ("@context", .string("https://schema.org"))

    static func person(_ config: SiteConfig, about: Page?) -> JSON? {
        let owner = config.owner
        guard let name = owner.name else { return nil }
        var members: [(String, JSON)] = [context, ("@type", .string("Person")), ("name", .string(name))]
        if let role = owner.role { members.append(("jobTitle", .string(role))) }
        if let email = owner.email { members.append(("email", .string(email))) }
        members.append(("url", .string(config.baseURL.absolute(about?.sitePath ?? ""))))
        let details = about?.details(AboutDetails.self)
        if let photo = details?.photo, let image = absoluteURL(photo, config: config) { members.append(("image", .string(image))) }
        if let location = owner.location {
            members.append(("homeLocation", .object([("@type", .string("Place")), ("name", .string(location))])))
        }
        let sameAs = owner.links.map(\.url).filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        if !sameAs.isEmpty { members.append(("sameAs", .array(sameAs.map(JSON.string)))) }
        if let credentials = details?.credentials, !credentials.isEmpty {
            members.append(("hasCredential", .array(credentials.map { credential in
                var fields: [(String, JSON)] = [("@type", .string("EducationalOccupationalCredential")),
                                                ("name", .string(credential.name))]
                if let issuer = credential.issuer {
                    fields.append(("recognizedBy", .object([("@type", .string("Organization")), ("name", .string(issuer))])))
                }
                if let url = credential.url { fields.append(("url", .string(url))) }
                return .object(fields)
            })))
        }
        return .object(members)
    }

    static func business(_ config: SiteConfig, services: [Page], catalogName: String) -> JSON {
        var members: [(String, JSON)] = [context, ("@type", .string("ProfessionalService")),
                                         ("name", .string(config.title)),
                                         ("url", .string(config.baseURL.absolute(config.folder(of: config.language))))]
        if let description = config.description ?? config.tagline { members.append(("description", .string(description))) }
        if let email = config.owner.email { members.append(("email", .string(email))) }
        if let location = config.owner.location {
            members.append(("areaServed", .string(location)))
            members.append(("address", .object([("@type", .string("PostalAddress")), ("addressLocality", .string(location))])))
        }
        if let name = config.owner.name {
            members.append(("founder", .object([("@type", .string("Person")), ("name", .string(name))])))
        }
        if !services.isEmpty {
            members.append(("hasOfferCatalog", .object([
                ("@type", .string("OfferCatalog")), ("name", .string(catalogName)),
                ("itemListElement", .array(services.map { service in
                    var fields: [(String, JSON)] = [("@type", .string("Service")), ("name", .string(service.title)),
                                                    ("url", .string(config.baseURL.absolute(service.sitePath)))]
                    if let summary = service.summary { fields.append(("description", .string(summary))) }
                    return .object([("@type", .string("Offer")), ("itemOffered", .object(fields))])
                })),
            ])))
        }
        let sameAs = config.owner.links.map(\.url).filter { $0.hasPrefix("https://") || $0.hasPrefix("http://") }
        if !sameAs.isEmpty { members.append(("sameAs", .array(sameAs.map(JSON.string)))) }
        return .object(members)
    }

    static func faqPage(_ faq: FAQ, page: Page, config: SiteConfig) -> JSON {
        .object([
            context, ("@type", .string("FAQPage")), ("name", .string(page.title)),
            ("url", .string(config.baseURL.absolute(page.sitePath))), ("inLanguage", .string(config.language)),
            ("mainEntity", .array(faq.questions.map { question in
                .object([
                    ("@type", .string("Question")), ("name", .string(question.text)),
                    ("acceptedAnswer", .object([
                        ("@type", .string("Answer")),
                        ("text", .string(AnswerHTML.limit(question.answerHTML, origin: config.baseURL))),
                    ])),
                ])
            })),
        ])
    }

    /// A news post, with its author and dates.
    static func blogPosting(_ page: Page, config: SiteConfig) -> JSON {
        var members: [(String, JSON)] = [context, ("@type", .string("BlogPosting")), ("headline", .string(page.title)),
                                         ("url", .string(config.baseURL.absolute(page.sitePath)))]
        if let date = page.date { members.append(("datePublished", .string(date))) }
        if let updated = page.updated { members.append(("dateModified", .string(updated))) }
        if let description = page.effectiveDescription { members.append(("description", .string(description))) }
        if let image = page.image, let url = absoluteURL(image, config: config) { members.append(("image", .string(url))) }
        if let name = config.owner.name {
            members.append(("author", .object([("@type", .string("Person")), ("name", .string(name)),
                                               ("url", .string(config.baseURL.absolute))])))
        }
        members.append(("inLanguage", .string(config.language)))
        return .object(members)
    }

    /// An absolute URL for a front matter path such as `/media/portrait.jpg` or `media/x.jpg`.
    static func absoluteURL(_ path: String, config: SiteConfig) -> String? {
        if path.hasPrefix("https://") || path.hasPrefix("http://") { return path }
        let trimmed = path.drop { $0 == "/" }
        return config.baseURL.absolute(LinkResolver.percentEncode(String(trimmed)))
    }
}
