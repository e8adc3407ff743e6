import Foundation

/// Every image of the site, processed: what pages show (sizes, variants, link previews) and what the
/// output publishes. Made once per build, before pages render; read by every page.
public struct SiteImages: Sendable {
    /// Each image in `media/` (JPEG, PNG, WebP, SVG), by its path in the content folder.
    var pictures: [String: Result<ImageInfo, ImageProblem>] = [:]
    /// The link-preview image made of each source that is some page's picture or `social_image`.
    var socials: [String: Result<SocialImage, ImageProblem>] = [:]
    /// The icons made of site.yml's `icon`, when it has one.
    var icons: Result<[String: URL], ImageProblem>?
    /// The files made of each source: its own address and its variants.
    private var pictureFiles: [String: [String: URL]] = [:]
    private var socialFiles: [String: [String: URL]] = [:]
    /// Each image's source, by the root-relative URL pages link it with (`/media/portrait.jpg`).
    private var sourcesByURL: [String: String] = [:]
    /// site.yml's `social_image`, and the alt text its link previews get.
    var siteSocialSource: String?
    var siteSocialAlt: String?
    /// The head's icon links, and the text files that go with them (the web manifest or the monogram).
    var headHTML: String?
    var textFiles: [String: String] = [:]

    /// Whether the image stage ran (it does not once the build has an error): pages check their
    /// pictures only then.
    var processed = false

    /// No images at all.
    public init() {}

    /// Processes `media` (every file in `media/`), the link-preview images of `socialSources`, and the
    /// icons of `icon`. `url` gives a content file's place on disk.
    static func make(media: [String], socialSources: Set<String>, icon: String?, root: String, cache: ImageCache,
                     jobs: Int, url: (String) -> URL) -> SiteImages {
        var work = media.filter { ImageFormat.isImage(name: $0) }.sorted().map(ImageJob.picture)
        work += socialSources.sorted().map(ImageJob.social)
        if let icon { work.append(.icons(icon)) }
        var images = SiteImages()
        images.processed = true
        guard !work.isEmpty else { return images }
        let outcomes = ImagePipeline(cache: cache, jobs: jobs).run(work, url: url)
        for (job, outcome) in outcomes {
            switch job {
            case .picture(let source):
                // An SVG libvips cannot size (no width or viewBox) is still a drawing browsers show: copied as it is.
                if case .failure = outcome, source.lowercased().hasSuffix(".svg") { continue }
                images.sourcesByURL[root + LinkResolver.percentEncode(source)] = source
                images.pictures[source] = outcome.flatMap { $0.info.map(Result.success) ?? .failure(.unreadable) }
                images.pictureFiles[source] = (try? outcome.get())?.files
            case .social(let source):
                images.socials[source] = outcome.flatMap { $0.social.map(Result.success) ?? .failure(.unreadable) }
                images.socialFiles[source] = (try? outcome.get())?.files
            case .icons:
                images.icons = outcome.map(\.files)
            }
        }
        return images
    }

    /// The image in `media/` that a root-relative URL names (as the link resolver writes it), if any.
    func source(forURL url: String) -> String? { sourcesByURL[url] }

    /// What is wrong with the image at the root-relative `url`, when it is one of media/'s and cannot be used.
    func problem(atURL url: String) -> (message: String, hint: String)? {
        guard let source = source(forURL: url), case .failure(let problem)? = pictures[source] else { return nil }
        return problem.message(for: source, role: "")
    }

    /// The image that the output file `path` shows: the image itself or one of its variants.
    func info(showing path: String) -> ImageInfo? {
        for case .success(let info) in pictures.values where info.source == path || info.variants.contains(where: { $0.path == path }) {
            return info
        }
        return nil
    }

    /// Whether `path` (in the content folder) is an image this stage publishes, rather than a file
    /// copied as it is.
    func handles(_ path: String) -> Bool { pictures[path] != nil }

    /// What the output gets: every image at its own address (upright and stripped; SVG as it is, from
    /// `url`), the variants of the images pages show, the link previews, and the icons.
    func files(used: Set<String>, url: (String) -> URL) -> [String: URL] {
        var files: [String: URL] = [:]
        for (source, picture) in pictures {
            guard case .success(let info) = picture else { continue }
            if info.format == .svg { files[source] = url(source); continue }
            for (path, file) in pictureFiles[source] ?? [:] where path == source || used.contains(source) {
                files[path] = file
            }
        }
        // Link previews are made only for pictures that pages or site.yml name.
        for made in socialFiles.values { files.merge(made) { first, _ in first } }
        if case .success(let icons) = icons { files.merge(icons) { first, _ in first } }
        return files
    }

    /// Warnings for images in `media/` that no page uses and that cannot be read: they are left out.
    func unusedUnreadable(used: Set<String>, displayPath: (String) -> String) -> [Diagnostic] {
        pictures.keys.sorted().compactMap { source in
            guard !used.contains(source), case .failure(let problem) = pictures[source] else { return nil }
            if problem == .libvipsMissing {
                let (message, hint) = problem.message(for: source, role: "")
                return .warning(message + ", so it is left out", at: SourceLocation(path: displayPath(source), line: 0), hint: hint)
            }
            return .warning("this file is not a readable JPEG, PNG, WebP or SVG image, so it is left out",
                            at: SourceLocation(path: displayPath(source), line: 0),
                            hint: "open it in an image editor and export it again, or remove it")
        }
    }
}

extension ImageProblem {
    /// The message for an image named at some line of the content.
    func message(for path: String, role: String) -> (message: String, hint: String) {
        switch self {
        case .unreadable:
            return ("\(role.isEmpty ? "" : role + " ")`\(path)` is not a readable JPEG, PNG, WebP or SVG image",
                    "open it in an image editor and export it again as JPEG or PNG")
        case .tooSmall(let width, let height, let needed):
            return ("\(role.isEmpty ? "" : role + " ")`\(path)` is \(width) x \(height) px, too small: it must be \(needed)",
                    "use a larger version of the picture")
        case .nameTooLong(let limit):
            return ("\(role.isEmpty ? "" : role + " ")`\(path)` has a name too long for the sizes the build makes of it",
                    "shorten the file's name to \(limit) bytes or fewer before its extension (most letters are one byte, accented ones two), and its links")
        case .libvipsMissing:
            return ("\(role.isEmpty ? "" : role + " ")`\(path)` cannot be made: libvips 8, which processes images, could not be loaded",
                    "install it (Debian and Ubuntu: apt-get install libvips42; macOS: brew install vips), or set CALLSHEET_LIBVIPS to its file")
        }
    }
}
