import Foundation

extension SiteImages {
    /// The image stage of a build: every image in `media/`, the link previews of the pictures pages and
    /// site.yml name, and the icons. Problems with site.yml's `icon` and `social_image` are errors at
    /// their lines; pages report their own pictures as they render.
    static func stage(content: SiteContent, resolver: LinkResolver, cache: ImageCache, jobs: Int,
                      url: (String) -> URL) -> (SiteImages, [Diagnostic]) {
        let config = content.config
        var byURL: [String: String] = [:]
        for file in content.mediaFiles where ImageFormat.isImage(name: file) {
            byURL[config.baseURL.root + LinkResolver.percentEncode(file)] = file
        }
        var diagnostics: [Diagnostic] = []
        /// The image in media/ that `path`, written in `file`, names; an error at `location` when none.
        func source(_ path: String, from file: String, key: String, location: SourceLocation?) -> String? {
            switch resolver.resolve(path, from: file) {
            case .internalLink(let link, _, _):
                if let found = byURL[link] { return found }
                diagnostics.append(.error("`\(key)` must be a JPEG, PNG, WebP or SVG image in media/", at: location))
            case .external:
                // Pages may show a picture from elsewhere (https); site.yml's images must be the site's own.
                if file == "site.yml" {
                    diagnostics.append(.error("`\(key)` must be a file in media/, such as media/\(key == "icon" ? "icon.png" : "share.jpg")", at: location))
                }
            case .problem(let message, let hint):
                if file == "site.yml" { diagnostics.append(.error("`\(key)`: \(message)", at: location, hint: hint)) }
            }
            return nil
        }
        var previews = Set<String>()
        for page in content.pages {
            let file = page.contentPath ?? ""
            if let photo = page.details(AboutDetails.self)?.photo, let found = byURL[resolvedURL(photo, from: file, resolver)] {
                previews.insert(found)
            }
            if let image = page.image, let found = byURL[resolvedURL(image, from: file, resolver)] { previews.insert(found) }
        }
        let keys = config.images
        let social = keys.socialImage.flatMap { source($0, from: "site.yml", key: "social_image", location: keys.socialImageLocation) }
        let icon = keys.icon.flatMap { source($0, from: "site.yml", key: "icon", location: keys.iconLocation) }
        if let social { previews.insert(social) }

        var images = make(media: content.mediaFiles, socialSources: previews, icon: icon, root: config.baseURL.root,
                          cache: cache, jobs: jobs, url: url)
        if let social {
            images.siteSocialSource = social
            images.siteSocialAlt = config.title
            if case .failure(let problem)? = images.socials[social] {
                let (message, hint) = problem.message(for: social, role: "the social image")
                diagnostics.append(.error(message, at: keys.socialImageLocation, hint: hint))
            }
        }
        if case .failure(let problem)? = images.icons, let icon {
            let (message, hint) = problem.message(for: icon, role: "the icon")
            diagnostics.append(.error(message, at: keys.iconLocation, hint: hint))
        }
        let vector = icon.flatMap { $0.lowercased().hasSuffix(".svg") ? config.baseURL.root + LinkResolver.percentEncode($0) : nil }
        if case .success? = images.icons {
            images.headHTML = SiteIcons.headHTML(root: config.baseURL.root, hasIcons: true, vectorIcon: vector)
            images.textFiles[SiteIcons.manifestPath] = SiteIcons.manifest(title: config.title, shortName: config.owner.name,
                                                                          root: config.baseURL.root, language: config.language)
        } else if icon == nil, let monogram = SiteIcons.monogram(of: config.owner.name ?? config.title) {
            images.headHTML = SiteIcons.headHTML(root: config.baseURL.root, hasIcons: false, vectorIcon: nil)
            images.textFiles[SiteIcons.monogramPath] = monogram
        }
        return (images, diagnostics)
    }

    private static func resolvedURL(_ path: String, from file: String, _ resolver: LinkResolver) -> String {
        if case .internalLink(let url, _, _) = resolver.resolve(path, from: file) { return url }
        return ""
    }
}
