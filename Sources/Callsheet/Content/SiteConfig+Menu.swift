/// One entry of site.yml's `nav:`: a content file (or a section's folder) and an optional label.
public struct NavEntry: Sendable, Hashable {
    /// As written: `about.md`, `services/`, `pages/resources.md`.
    public var target: String
    public var label: String?
    public var location: SourceLocation
}

/// site.yml's `home:` numbers: how many testimonials and featured credits the home page shows.
public struct HomeSettings: Sendable, Hashable {
    public var testimonials = 3
    public var credits = 6
}

extension SiteConfig {
    /// The entries when no `nav:` is given.
    static let defaultNav = ["about.md", "services/", "faq.md", "contact.md"]

    static func readNav(_ reader: inout FieldReader) -> [NavEntry]? {
        guard let items = reader.list("nav") else { return nil }
        var entries: [NavEntry] = []
        for item in items {
            switch item.kind {
            case .scalar(let text, _):
                entries.append(NavEntry(target: text.trimmingSpaces(), label: nil, location: item.location))
            case .mapping:
                var entry = FieldReader(item, at: item.location, what: "a menu entry")
                let target = entry.string("page", required: true)
                let label = entry.string("label")
                entry.warnAboutUnknownKeys(known: ["page", "label"], in: "a menu entry")
                reader.absorb(entry)
                if let target { entries.append(NavEntry(target: target, label: label, location: item.location)) }
            default:
                reader.append(.error("a menu entry is a content file such as `about.md`, or `page:` and `label:`",
                                     at: item.location))
            }
        }
        return entries
    }

    static func readHome(_ reader: inout FieldReader) -> HomeSettings {
        var home = HomeSettings()
        guard var fields = reader.mapping("home") else { return home }
        for (key, keyPath) in [("testimonials", \HomeSettings.testimonials), ("credits", \HomeSettings.credits)] {
            guard let number = fields.int(key) else { continue }
            if (0...100).contains(number) {
                home[keyPath: keyPath] = number
            } else {
                fields.error("`\(key)` must be a number from 0 to 100", at: key)
            }
        }
        fields.warnAboutUnknownKeys(known: ["testimonials", "credits"], in: "`home`")
        reader.absorb(fields)
        return home
    }
}
