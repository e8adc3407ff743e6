/// Everything the content folder holds: settings, pages and media, checked and ordered.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    /// Every published page, in site order (the order of `PageKind`'s cases, then each kind's own order).
    public var pages: [Page]
    /// Files under `media/`, as paths inside the content folder.
    public var mediaFiles: [String]
    /// Files under `static/`, as paths inside the content folder; each is published at the site's root.
    public var staticFiles: [String] = []
    /// What reading each page file gave, so a rebuild in the same process re-reads only what changed.
    var fileReads: [String: FileRead] = [:]

    static let commonKeys: Set<String> = ["title", "description", "slug", "order", "draft", "date", "updated", "nav_title"]
    /// The longest slug, so an address stays well within every file system's name limit.
    static let maxSlugLength = 200

    /// Top-level site paths that pages from `pages/` may not take: every fixed address, and the folders
    /// and files the build writes at the root.
    static let reservedSlugs: Set<String> = Set(PageKind.allCases.compactMap { $0.fixedSitePath?.split(separator: "/").first.map(String.init) })
        .union(["media", "assets", "static", "index", "404", "sitemap.xml", "robots.txt"])

    /// The kind of a content file, by where it sits; nil for files that are not pages.
    static func kind(of file: String) -> PageKind? { PageKind.of(file: file) }

    /// Reads and checks every page. `readText` returns a file's text (the disk, or a test's dictionary).
    public static func load(files: [String], displayPath: @Sendable (String) -> String,
                            readText: @Sendable (String) -> Result<String, Diagnostic>,
                            includeDrafts: Bool, jobs: Int = 1, strings: StringTable? = nil) -> (SiteContent?, [Diagnostic]) {
        load(files: files, displayPath: displayPath, readText: readText, includeDrafts: includeDrafts, jobs: jobs, strings: strings, reusing: [:])
    }

    /// Reads and checks every page, taking the reading of each file in `previous` as it is (the caller
    /// leaves out every file that changed, and every file whose reading read one that changed).
    static func load(files: [String], displayPath: @Sendable (String) -> String,
                     readText: @Sendable (String) -> Result<String, Diagnostic>,
                     includeDrafts: Bool, jobs: Int, strings: StringTable?, reusing previous: [String: FileRead]) -> (SiteContent?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        guard files.contains("site.yml") else {
            diagnostics.error("site.yml is missing", at: SourceLocation(path: displayPath("site.yml"), line: 0),
                              hint: "create it with at least `title:` and `base_url:`")
            return (nil, diagnostics.all)
        }
        var config: SiteConfig?
        switch readText("site.yml") {
        case .success(let text):
            let (parsed, problems) = SiteConfig.parse(text, path: displayPath("site.yml"))
            config = parsed
            diagnostics.append(contentsOf: problems)
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        }
        let smart = config?.markdown.smartPunctuation ?? true
        if smart, var settings = config {
            settings.title = Typography.smart(settings.title)
            settings.tagline = settings.tagline.map(Typography.smart)
            settings.description = settings.description.map(Typography.smart)
            settings.languages = settings.languages.map(\.smartened)
            config = settings
        }

        var pageFiles: [(file: String, kind: PageKind, translation: (original: String, code: String)?)] = []
        var media: [String] = [], statics: [String] = []
        let consumed: Set<String> = files.contains("credits.md") ? [CreditList.csvFile] : []
        let fileSet = Set(files)
        for file in files {
            if file == "site.yml" || consumed.contains(file) { continue }
            if file.hasPrefix("media/") || file.hasPrefix("static/"), let format = ImageFormat.unprocessedPhoto(name: file) {
                diagnostics.error("this is a \(format) photo, which the build cannot clean: published as it is, it would tell every visitor where and with what camera it was taken",
                                  at: SourceLocation(path: displayPath(file), line: 1, column: 1),
                                  hint: "export it as JPEG (the build then removes its location and camera data), or remove it")
                continue
            }
            if file.hasPrefix("media/") { media.append(file); continue }
            if file.hasPrefix("static/") { statics.append(file); continue }
            var translation: (original: String, code: String)?
            switch config.map({ language(of: file, files: fileSet, config: $0, displayPath: displayPath) }) {
            case .refused(let problem)?: diagnostics.append(problem); continue
            case .translation(let original, let code)?: translation = (original, code)
            case .original?: break
            // Without settings (site.yml has mistakes) its languages are not known: a file named as a translation
            // is read as one, for its own mistakes, rather than called no part of the site.
            case nil: translation = TranslationFile.split(file)
            }
            guard let kind = kind(of: translation?.original ?? file) else {
                diagnostics.warning("this file is not part of the site, so it is not published", at: SourceLocation(path: displayPath(file), line: 0),
                                    hint: file.hasSuffix(".md") ? "extra pages go in pages/, services in services/, news posts in news/"
                                        : "files for the site go in media/ (linked from pages) or static/ (copied to the site's root)")
                continue
            }
            pageFiles.append((file, kind, translation))
        }
        // Reading and parsing front matter is most of this stage, and files do not depend on each other.
        let reads = concurrentMap(pageFiles, jobs: jobs) { entry -> FileRead in
            previous[entry.file] ?? FileRead.read(entry.file, kind: entry.kind, displayPath: displayPath, files: fileSet,
                                                  readText: readText, smart: smart)
        }
        var pages: [Page] = []
        var fileReads: [String: FileRead] = [:]
        for (entry, read) in zip(pageFiles, reads) {
            fileReads[entry.file] = read
            diagnostics.append(contentsOf: read.diagnostics)
            guard var page = read.page, includeDrafts || !page.isDraft else { continue }
            if let translation = entry.translation { page.translate(from: translation.original, into: translation.code) }
            pages.append(page)
        }
        guard let config else { return (nil, diagnostics.all) }
        pages = arrangeLanguages(pages, config: config, strings: strings, diagnostics: &diagnostics)
        return (SiteContent(config: config, pages: pages, mediaFiles: media, staticFiles: statics, fileReads: fileReads), diagnostics.all)
    }

    static func readPage(_ text: String, file: String, kind: PageKind, displayPath: (String) -> String, files: Set<String>,
                         readText: (String) -> Result<String, Diagnostic>, smart: Bool, diagnostics: inout Diagnostics) -> Page? {
        let shownPath = displayPath(file)
        if text.isBlank {
            diagnostics.error("this file is empty", at: SourceLocation(path: shownPath, line: 0),
                              hint: "start it with front matter: a `---` line, `title: ...`, and another `---` line")
            return nil
        }
        let frontMatter: FrontMatter
        switch FrontMatter.parse(text, path: shownPath) {
        case .success(let parsed): frontMatter = parsed
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        let declaration = kind.declaration
        let text = smart ? Typography.smart : { $0 }
        var fields = FieldReader(frontMatter.yaml, at: SourceLocation(path: shownPath), what: "front matter")
        var page = Page(kind: kind, sourcePath: shownPath, contentPath: file, sitePath: kind.fixedSitePath ?? "",
                        title: text(fields.string("title", required: declaration.titleRequired) ?? declaration.defaultTitle))
        page.description = fields.string("description").map(text)
        page.descriptionLocation = fields.value("description")?.location
        page.navTitle = fields.string("nav_title").map(text)
        page.order = fields.int("order")
        page.date = fields.date("date")
        if declaration.dateRequired, page.date == nil, fields.value("date") == nil {
            fields.append(.error("missing `date`", at: fields.location, hint: "add a line such as `date: 2026-03-01`: posts are listed newest first"))
        }
        page.updated = fields.date("updated")
        page.isDraft = fields.bool("draft") ?? false
        page.body = frontMatter.body
        page.bodyLineOffset = frontMatter.bodyLineOffset
        if declaration.keys.contains("summary") {
            page.summary = fields.string("summary", required: declaration.summaryRequired).map(text)
        }
        if declaration.keys.contains("image") {
            page.image = fields.string("image")
            page.imageLocation = fields.value("image")?.location
            page.imageAlt = fields.string("image_alt")
            if page.image != nil, page.imageAlt == nil {
                diagnostics.warning("the image has no `image_alt` text", at: page.imageLocation,
                                    hint: "describe the picture for people who cannot see it")
            }
        }
        if let folder = slugFolder(of: kind) {
            page.sitePath = readSlug(of: &page, file: file, folder: folder, fields: &fields)
        }
        if let readDetails = declaration.details {
            withoutActuallyEscaping(displayPath) { displayPath in
                withoutActuallyEscaping(readText) { readText in
                    var reading = DetailsReading(fields: fields, page: page, files: files, displayPath: displayPath, readText: readText)
                    page.details = readDetails(&reading)
                    fields = reading.fields
                    diagnostics.append(contentsOf: reading.diagnostics.all)
                }
            }
            if let testimonials = page.details(TestimonialList.self) { page.body = testimonials.intro }
        }
        fields.warnAboutUnknownKeys(known: commonKeys.union(declaration.keys), in: "front matter")
        diagnostics.append(contentsOf: fields.diagnostics.all)
        return fields.diagnostics.hasErrors ? nil : page
    }

    /// Reads one page on its own, with no other files beside it (for tests and tools).
    static func readPage(_ text: String, file: String, kind: PageKind, displayPath: String, diagnostics: inout Diagnostics) -> Page? {
        readPage(text, file: file, kind: kind, displayPath: { _ in displayPath }, files: [file],
                 readText: { .failure(.error("\($0) is not available here", at: nil)) }, smart: true, diagnostics: &diagnostics)
    }

    /// The folder of the address of kinds whose pages take a slug: `services/`, `news/`, or `""` for `pages/`.
    static func slugFolder(of kind: PageKind) -> String? {
        switch kind.declaration.source {
        case .sectionItem(let section): return section.folder + "/"
        case .folder: return ""
        default: return nil
        }
    }

    /// The page's address from its file name or `slug:`, checked.
    static func readSlug(of page: inout Page, file: String, folder: String, fields: inout FieldReader) -> String {
        let stem = String((file.split(separator: "/").last ?? "").dropLast(3))
        var slug = Slug.anchor(from: stem)
        page.slugLocation = SourceLocation(path: page.sourcePath ?? file, line: 0)
        if let written = fields.string("slug") {
            page.slugLocation = fields.value("slug")?.location
            if written.count > maxSlugLength {
                fields.error("this slug is longer than \(maxSlugLength) characters", at: "slug", hint: "a few words are enough for an address")
            } else if Slug.isValidSegment(written) {
                slug = written
            } else {
                fields.error("`slug` must be lower-case letters, digits and hyphens, such as `consent-workshops`",
                             at: "slug", hint: "a slug becomes part of the page's address; `/`, `..` and spaces are not allowed")
            }
        } else if slug.count > maxSlugLength {
            fields.append(.error("this file name is longer than \(maxSlugLength) characters, too long for an address", at: page.slugLocation,
                                 hint: "give the page a shorter `slug:`"))
        }
        if folder.isEmpty, reservedSlugs.contains(slug) {
            fields.append(.error("the address `/\(slug)/` is already used by the site", at: page.slugLocation,
                                 hint: "rename the file or give it another `slug`"))
        }
        return folder + slug + "/"
    }
}
