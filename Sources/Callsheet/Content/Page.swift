/// One page of the site, as read from its Markdown file (or made up, for pages without one).
public struct Page: Sendable {
    /// The fields live in one shared box, copied only when a copy is changed: a page is copied often
    /// (sorted, filtered per language and kind, held by lists), and copying its twenty fields one by one
    /// cost a retain each, most of it cache misses on a site of 10,000 pages.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    /// The stored fields, each described at its property below.
    struct Fields: Sendable {
        var kind: PageKind
        var sourcePath: String? = nil
        var contentPath: String? = nil
        var sitePath: String
        var title: String
        var description: String? = nil
        var descriptionLocation: SourceLocation? = nil
        var navTitle: String? = nil
        var order: Int? = nil
        var date: String? = nil
        var updated: String? = nil
        var isDraft: Bool = false
        var body: String = ""
        var bodyLineOffset: Int = 0
        var slugLocation: SourceLocation? = nil
        var summary: String? = nil
        var image: String? = nil
        var imageAlt: String? = nil
        var imageLocation: SourceLocation? = nil
        var language: String = ""
        var original: String? = nil
        var details: (any PageDetails)? = nil
    }

    private var storage: Storage

    public init(kind: PageKind, sourcePath: String? = nil, contentPath: String? = nil, sitePath: String, title: String) {
        storage = Storage(Fields(kind: kind, sourcePath: sourcePath, contentPath: contentPath, sitePath: sitePath, title: title))
    }

    /// The box, made this page's own before a change.
    private var owned: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            return storage
        }
    }

    public var kind: PageKind {
        get { storage.fields.kind }
        _modify { yield &owned.fields.kind }
    }
    /// The Markdown file as the user sees it (`content/faq.md`), or nil for a generated page.
    public var sourcePath: String? {
        get { storage.fields.sourcePath }
        _modify { yield &owned.fields.sourcePath }
    }
    /// The file's path inside the content folder (`services/consent.md`), used to resolve links.
    public var contentPath: String? {
        get { storage.fields.contentPath }
        _modify { yield &owned.fields.contentPath }
    }
    /// The site path: `""` for the home page, `faq/`, `services/consent/`, or `404.html`.
    public var sitePath: String {
        get { storage.fields.sitePath }
        _modify { yield &owned.fields.sitePath }
    }
    public var title: String {
        get { storage.fields.title }
        _modify { yield &owned.fields.title }
    }
    public var description: String? {
        get { storage.fields.description }
        _modify { yield &owned.fields.description }
    }
    /// Where `description` is written, for the checks.
    public var descriptionLocation: SourceLocation? {
        get { storage.fields.descriptionLocation }
        _modify { yield &owned.fields.descriptionLocation }
    }
    public var navTitle: String? {
        get { storage.fields.navTitle }
        _modify { yield &owned.fields.navTitle }
    }
    public var order: Int? {
        get { storage.fields.order }
        _modify { yield &owned.fields.order }
    }
    public var date: String? {
        get { storage.fields.date }
        _modify { yield &owned.fields.date }
    }
    public var updated: String? {
        get { storage.fields.updated }
        _modify { yield &owned.fields.updated }
    }
    public var isDraft: Bool {
        get { storage.fields.isDraft }
        _modify { yield &owned.fields.isDraft }
    }
    /// The Markdown after the front matter, and how many file lines come before it.
    public var body: String {
        get { storage.fields.body }
        _modify { yield &owned.fields.body }
    }
    public var bodyLineOffset: Int {
        get { storage.fields.bodyLineOffset }
        _modify { yield &owned.fields.bodyLineOffset }
    }
    /// Where the front matter's `slug` (or the title) was written, for duplicate-slug errors.
    public var slugLocation: SourceLocation? {
        get { storage.fields.slugLocation }
        _modify { yield &owned.fields.slugLocation }
    }
    /// One sentence about the page, shown in lists (services, news); its description when it has none.
    public var summary: String? {
        get { storage.fields.summary }
        _modify { yield &owned.fields.summary }
    }
    /// The page's picture and link-preview image, as written (`image`, `image_alt`).
    public var image: String? {
        get { storage.fields.image }
        _modify { yield &owned.fields.image }
    }
    public var imageAlt: String? {
        get { storage.fields.imageAlt }
        _modify { yield &owned.fields.imageAlt }
    }
    public var imageLocation: SourceLocation? {
        get { storage.fields.imageLocation }
        _modify { yield &owned.fields.imageLocation }
    }
    /// The page's language (a code of site.yml), and for a translation the content file it translates (`faq.md`).
    public var language: String {
        get { storage.fields.language }
        _modify { yield &owned.fields.language }
    }
    public var original: String? {
        get { storage.fields.original }
        _modify { yield &owned.fields.original }
    }
    /// What the kind adds: the about page's photo and credentials, the contact form, the credits...
    var details: (any PageDetails)? {
        get { storage.fields.details }
        _modify { yield &owned.fields.details }
    }
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
