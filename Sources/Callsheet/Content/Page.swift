/// One page of the site, as read from its Markdown file (or made up, for pages without one).
public struct Page: Sendable {
    public var kind: PageKind
    /// The Markdown file as the user sees it (`content/faq.md`), or nil for a generated page.
    public var sourcePath: String?
    /// The file's path inside the content folder (`services/consent.md`), used to resolve links.
    public var contentPath: String?
    /// The site path: `""` for the home page, `faq/`, `services/consent/`, or `404.html`.
    public var sitePath: String
    public var title: String
    public var description: String?
    /// Where `description` is written, for the checks.
    public var descriptionLocation: SourceLocation?
    public var navTitle: String?
    public var order: Int?
    public var date: String?
    public var updated: String?
    public var isDraft = false
    /// The Markdown after the front matter, and how many file lines come before it.
    public var body: String = ""
    public var bodyLineOffset = 0
    /// Where the front matter's `slug` (or the title) was written, for duplicate-slug errors.
    public var slugLocation: SourceLocation?
    /// One sentence about the page, shown in lists (services, news); its description when it has none.
    public var summary: String?
    /// The page's picture and link-preview image, as written (`image`, `image_alt`).
    public var image: String?
    public var imageAlt: String?
    public var imageLocation: SourceLocation?
    /// The page's language (a code of site.yml), and for a translation the content file it translates (`faq.md`).
    public var language = ""
    public var original: String?
    /// What the kind adds: the about page's photo and credentials, the contact form, the credits...
    var details: (any PageDetails)?

    /// The output file: `faq/index.html`, `index.html` or `404.html`.
    public var outputPath: String { Self.outputPath(of: sitePath) }

    /// The output file of the page at `sitePath`.
    static func outputPath(of sitePath: String) -> String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }

    /// What a page shares with its translations: the kind of a page with a fixed address, else the original's file.
    var translationKey: String { kind.fixedSitePath != nil ? "#" + kind.rawValue : (original ?? contentPath ?? sitePath) }

    /// Whether search engines should skip the page.
    public var isNoIndex: Bool { kind.declaration.isNoIndex }

    /// The meta description: the page's own, else its summary.
    public var effectiveDescription: String? { description ?? summary }

    /// A location in this page's Markdown body, from a 1-based body line and column.
    public func bodyLocation(line: Int, column: Int) -> SourceLocation? {
        sourcePath.map { SourceLocation(path: $0, line: line + bodyLineOffset, column: column) }
    }

    /// The picture of the page as written and where: its `image`, or the about page's `photo`.
    var picture: (path: String, location: SourceLocation?)? {
        if let image { return (image, imageLocation) }
        if let about = details(AboutDetails.self), let photo = about.photo { return (photo, about.photoLocation) }
        return nil
    }

    /// The kind's own data, when it is of type `T`.
    func details<T: PageDetails>(_ type: T.Type) -> T? { details as? T }
}

/// A kind's own data, read from its front matter and body by its `KindDeclaration.details`.
protocol PageDetails: Sendable {}

/// What a kind's details reader works with: the front matter still to read, the page so far, and
/// the rest of the content folder (credits.csv sits beside credits.md).
struct DetailsReading {
    var fields: FieldReader
    var diagnostics = Diagnostics()
    let page: Page
    let files: Set<String>
    let displayPath: (String) -> String
    let readText: (String) -> Result<String, Diagnostic>
}
