/// One published file made from a source image.
public struct ImageVariant: Sendable, Codable, Hashable {
    /// Its path in the output folder: `media/portrait-800.3f9a1c2e.webp`.
    public var path: String
    public var width: Int
    public var height: Int
    public var format: ImageFormat
}

/// What the build knows about one image in `media/` once it is processed: its size upright, and the
/// files made from it.
public struct ImageInfo: Sendable, Codable, Hashable {
    /// The file inside the content folder: `media/portrait.jpg`.
    public var source: String
    public var format: ImageFormat
    /// The size of the picture turned upright (as published at `source`'s own address).
    public var width: Int
    public var height: Int
    public var hasAlpha: Bool
    /// Resized copies, narrowest first: each width in the image's own format and in WebP.
    public var variants: [ImageVariant] = []

    /// The variants in one format, narrowest first.
    func variants(in format: ImageFormat) -> [ImageVariant] { variants.filter { $0.format == format } }

    /// The format pages fall back to for browsers without WebP: the image's own (WebP stays WebP).
    var fallbackFormat: ImageFormat { format }
}

/// A link-preview image: the picture cut to 1200 x 630 (or the largest such shape the source allows).
public struct SocialImage: Sendable, Codable, Hashable {
    /// Its path in the output folder.
    public var path: String
    public var width: Int
    public var height: Int
    public var format: ImageFormat
}
