/// site.yml's `icon` and `social_image`: content files, each with the line it is written on.
public struct ImageSettingsKeys: Sendable {
    /// The square image the site's icons are made from.
    public var icon: String?
    public var iconLocation: SourceLocation?
    /// The link-preview image of pages that have no picture of their own.
    public var socialImage: String?
    public var socialImageLocation: SourceLocation?

    public init() {}
}

extension SiteConfig {
    static func readImages(_ reader: inout FieldReader) -> ImageSettingsKeys {
        var keys = ImageSettingsKeys()
        keys.icon = reader.string("icon")
        keys.iconLocation = reader.value("icon")?.location
        keys.socialImage = reader.string("social_image")
        keys.socialImageLocation = reader.value("social_image")?.location
        for (key, value) in [("icon", keys.icon), ("social_image", keys.socialImage)] {
            guard let value else { continue }
            let lower = value.lowercased()
            if !ImageFormat.isImage(name: lower) {
                reader.error("`\(key)` must be a JPEG, PNG, WebP or SVG file in media/, such as media/\(key == "icon" ? "icon.png" : "share.jpg")", at: key)
            } else if key == "icon", lower.hasSuffix(".webp") {
                reader.error("`icon` must be a square PNG, JPEG or SVG file", at: key, hint: "export the icon as PNG")
            }
        }
        return keys
    }
}
