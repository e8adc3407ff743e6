/// Why an image could not be made.
enum ImageProblem: Error, Equatable {
    /// Not a JPEG, PNG, WebP or SVG that libvips can read, or damaged part-way.
    case unreadable
    /// Smaller than the size it must fill.
    case tooSmall(width: Int, height: Int, needed: String)
    /// libvips 8, which makes every image, is not installed (or cannot start).
    case libvipsMissing
    /// The file's name leaves no room, in the 255 bytes a name may have, for what the sizes add to it.
    case nameTooLong(limit: Int)

    /// The longest a picture's name may be without its extension, in bytes: its link preview adds
    /// `-1200x630.` and an 8-letter tag and extension (`.jpeg`) to it.
    static let longestStem = 255 - "-1200x630.12345678.jpeg".utf8.count
}

/// Files made from one source image, by output path, with what the pages need to know about them.
struct ProcessedImage: Sendable {
    var files: [String: [UInt8]] = [:]
    var info: ImageInfo?
    var social: SocialImage?
}

/// Turns the bytes of one image into the files the site publishes. Pure: bytes in, bytes out; the same
/// input and settings always give the same bytes. Every output is upright, sRGB and without metadata.
struct ImageProcessor {
    let settings: ImageSettings

    /// The picture at its own address (full size, upright, stripped) and its resized variants in its own
    /// format and WebP. `source` is its path in `media/`; `tag` goes into variant names so a changed
    /// picture gets new addresses.
    func picture(_ bytes: [UInt8], source: String, tag: String) -> Result<ProcessedImage, ImageProblem> {
        guard let format = ImageFormat.sniff(bytes), let file = VipsImage.file(bytes), let header = file.header() else {
            return .failure(.unreadable)
        }
        var info = ImageInfo(source: source, format: format, width: header.width, height: header.height, hasAlpha: header.hasAlpha)
        var result = ProcessedImage()
        if format == .svg {
            result.info = info
            return .success(result)
        }
        guard let full = file.thumbnail(width: header.width, height: header.height),
              let fullBytes = full.encoded(as: format, quality: settings.originalQuality) else { return .failure(.unreadable) }
        result.files[source] = fullBytes
        let stem = Self.stem(of: source)
        let formats: [ImageFormat] = format == .webp ? [.webp] : [format, .webp]
        for width in settings.widths(for: header.width) {
            // Small (at most 1600 wide), so held in memory to be encoded in both formats.
            guard let resized = file.thumbnail(width: width)?.materialized() else { return .failure(.unreadable) }
            for output in formats {
                let quality = output == .webp ? settings.webpQuality : settings.jpegQuality
                guard let encoded = resized.encoded(as: output, quality: quality) else { return .failure(.unreadable) }
                let path = "\(stem)-\(resized.width).\(tag).\(output.fileExtension)"
                result.files[path] = encoded
                info.variants.append(ImageVariant(path: path, width: resized.width, height: resized.height, format: output))
            }
        }
        result.info = info
        return .success(result)
    }

    /// The link-preview image: cut to 1200 x 630 around what draws the eye, or to the largest box of that
    /// shape the picture holds when it is smaller; a JPEG (transparency filled with white, which every
    /// platform shows the same), never SVG.
    func social(_ bytes: [UInt8], source: String, tag: String) -> Result<ProcessedImage, ImageProblem> {
        guard ImageFormat.sniff(bytes) != nil, let file = VipsImage.file(bytes), let header = file.header() else {
            return .failure(.unreadable)
        }
        let boxWidth: Int, boxHeight: Int
        let isVector = ImageFormat.sniff(bytes) == .svg
        if isVector || (header.width >= settings.socialWidth && header.height >= settings.socialHeight) {
            (boxWidth, boxHeight) = (settings.socialWidth, settings.socialHeight)
        } else {
            boxWidth = min(header.width, header.height * settings.socialWidth / settings.socialHeight)
            boxHeight = boxWidth * settings.socialHeight / settings.socialWidth
        }
        guard boxWidth >= 200, boxHeight >= 100 else {
            return .failure(.tooSmall(width: header.width, height: header.height, needed: "at least 200 px wide for a link preview, best 1200 x 630"))
        }
        guard let cut = file.thumbnail(width: boxWidth, height: boxHeight, crop: .attention, enlarge: isVector)?.flattened(onto: 0xFFFFFF) else {
            return .failure(.unreadable)
        }
        let format = ImageFormat.jpeg
        guard let encoded = cut.encoded(as: format, quality: 85) else { return .failure(.unreadable) }
        let path = "\(Self.stem(of: source))-\(cut.width)x\(cut.height).\(tag).\(format.fileExtension)"
        var result = ProcessedImage()
        result.files[path] = encoded
        result.social = SocialImage(path: path, width: cut.width, height: cut.height, format: format)
        return .success(result)
    }

    /// `media/a/portrait.jpg` -> `media/a/portrait`.
    static func stem(of path: String) -> String {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        guard let dot = path[slash...].lastIndex(of: "."), dot > slash else { return path }
        return String(path[..<dot])
    }
}
