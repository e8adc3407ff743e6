/// The image formats the build reads and writes.
public enum ImageFormat: String, Sendable, Codable, Hashable {
    case jpeg, png, webp, svg

    /// The format of a file, by its first bytes (the name can lie); nil for anything else.
    static func sniff(_ bytes: [UInt8]) -> ImageFormat? {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return .webp }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self)
        if head.contains("<svg") { return .svg }
        return nil
    }

    /// Whether a file name says it is a raster image the build processes.
    static func isRaster(name: String) -> Bool {
        let lower = name.lowercased()
        return [".jpg", ".jpeg", ".png", ".webp"].contains { lower.hasSuffix($0) }
    }

    /// The name of a photo format the build does not process, but which records where and with what a
    /// picture was taken (EXIF, with GPS), when a file name says it is one: published as it is, it
    /// would tell every visitor where the photo was taken. Nil for any other file.
    static func unprocessedPhoto(name: String) -> String? {
        let lower = name.lowercased()
        guard let dot = lower.lastIndex(of: ".") else { return nil }
        switch lower[lower.index(after: dot)...] {
        case "heic", "heif", "hif": return "HEIC"
        case "avif": return "AVIF"
        case "tif", "tiff": return "TIFF"
        case "dng", "cr2", "cr3", "nef", "arw", "orf", "rw2", "raf", "pef", "srw": return "camera raw"
        case "jxl": return "JPEG XL"
        default: return nil
        }
    }

    /// Whether a file name says it is an image a page may show (raster or SVG).
    static func isImage(name: String) -> Bool {
        isRaster(name: name) || name.lowercased().hasSuffix(".svg")
    }

    /// The file extension written for this format.
    var fileExtension: String {
        switch self {
        case .jpeg: return "jpg"
        case .png: return "png"
        case .webp: return "webp"
        case .svg: return "svg"
        }
    }

    /// The MIME type, for `<source type>` and the web manifest.
    var mimeType: String {
        switch self {
        case .jpeg: return "image/jpeg"
        case .png: return "image/png"
        case .webp: return "image/webp"
        case .svg: return "image/svg+xml"
        }
    }
}
