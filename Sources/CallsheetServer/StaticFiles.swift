import Foundation

/// How a request path maps onto the built site, the way a static host does it: `/faq/` is
/// `faq/index.html`, `/faq` redirects to `/faq/`, and nothing outside the output folder is ever served.
public enum StaticFiles {
    /// What to answer for a path.
    public enum Resolution: Equatable, Sendable {
        /// Serve this file, a path inside the output folder.
        case file(String)
        /// Redirect to this path (a folder asked for without its `/`).
        case redirect(String)
        /// Nothing there: answer with the site's 404 page.
        case notFound
        /// A path that tries to leave the output folder or is malformed.
        case badRequest
    }

    /// Resolves a decoded request path (no query) below `prefix` (the base URL's path, such as `/` or
    /// `/portfolio/`). `exists` says whether a path inside the output folder is a file, a folder, or nothing.
    public static func resolve(_ path: String, prefix: String = "/", exists: (String) -> Entry) -> Resolution {
        guard path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else { return .badRequest }
        if path + "/" == prefix { return .redirect(prefix) }
        guard path.hasPrefix(prefix) else { return .notFound }
        let inside = String(path.dropFirst(prefix.count))
        let segments = inside.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .badRequest }
        if segments.dropLast().contains(where: \.isEmpty) { return .badRequest }
        // Dot files are never part of a site (content skips them); the build's own, such as the
        // `.callsheet` marker, stay private.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        let relative = inside
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return exists(index) == .file ? .file(index) : .notFound
        }
        switch exists(relative) {
        case .file: return .file(relative)
        case .folder: return .redirect(path + "/")
        case .none: return .notFound
        }
    }

    /// What is at a path.
    public enum Entry: Sendable {
        case file, folder, none
    }

    /// Looks at the disk, refusing anything whose real path (symlinks followed) is outside `root`.
    public static func entry(_ relative: String, in root: URL) -> Entry {
        let url = root.appendingPathComponent(relative)
        let real = url.resolvingSymlinksInPath().path
        let rootPath = root.resolvingSymlinksInPath().path
        guard real == rootPath || real.hasPrefix(rootPath + "/") else { return .none }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory) else { return .none }
        return isDirectory.boolValue ? .folder : .file
    }

    /// The Content-Type for a file name.
    public static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "avif": return "image/avif"
        case "ico": return "image/x-icon"
        case "pdf": return "application/pdf"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "mp4": return "video/mp4"
        case "webm": return "video/webm"
        case "mp3": return "audio/mpeg"
        default: return "application/octet-stream"
        }
    }
}
