/// One page of the site, as read from its Markdown file (or made up, for pages without one). Its fields
/// (`Fields`) are read and changed as the page's own: `page.title`, `page.summary = ...`.
@dynamicMemberLookup
public struct Page: Sendable {
    /// What a page holds.
    public struct Fields: Sendable {
        public var kind: PageKind
        /// The Markdown file as the user sees it (`content/faq.md`), or nil for a generated page.
        public var sourcePath: String? = nil
        /// The file's path inside the content folder (`services/consent.md`), used to resolve links.
        public var contentPath: String? = nil
        /// The site path: `""` for the home page, `faq/`, `services/consent/`, or `404.html`.
        public var sitePath: String
        public var title: String
        public var description: String? = nil
        /// Where `description` is written, for the checks.
        public var descriptionLocation: SourceLocation? = nil
        public var navTitle: String? = nil
        public var order: Int? = nil
        public var date: String? = nil
        public var updated: String? = nil
        public var isDraft = false
        /// The Markdown after the front matter, and how many file lines come before it.
        public var body: String = ""
        public var bodyLineOffset = 0
        /// Where the front matter's `slug` (or the title) was written, for duplicate-slug errors.
        public var slugLocation: SourceLocation? = nil
        /// One sentence about the page, shown in lists (services, news); its description when it has none.
        public var summary: String? = nil
        /// The page's picture and link-preview image, as written (`image`, `image_alt`).
        public var image: String? = nil
        public var imageAlt: String? = nil
        public var imageLocation: SourceLocation? = nil
        /// The page's language (a code of site.yml), and for a translation the content file it translates (`faq.md`).
        public var language = ""
        public var original: String? = nil
        /// What the kind adds: the about page's photo and credentials, the contact form, the credits...
        var details: (any PageDetails)? = nil
    }

    /// The fields live in one shared box, copied only when a copy is changed: a page is copied often
    /// (sorted, filtered per language and kind, held by lists), and copying its twenty fields one by one
    /// cost a retain each, most of it cache misses on a site of 10,000 pages.
    private final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(kind: PageKind, sourcePath: String? = nil, contentPath: String? = nil, sitePath: String, title: String) {
        storage = Storage(Fields(kind: kind, sourcePath: sourcePath, contentPath: contentPath, sitePath: sitePath, title: title))
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: field] }
        _modify {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            yield &storage.fields[keyPath: field]
        }
    }

    /// What the kind adds (named here, beside `details(_:)`, which reads it as one type).
    var details: (any PageDetails)? {
        get { self[dynamicMember: \.details] }
        _modify { yield &self[dynamicMember: \.details] }
    }

    /// The output file: `faq/index.html`, `index.html` or `404.html`.
    public var outputPath: String { Self.outputPath(of: self.sitePath) }

    /// The output file of the page at `sitePath`.
    static func outputPath(of sitePath: String) -> String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }

    /// What a page shares with its translations: the kind of a page with a fixed address, else the original's file.
    var translationKey: String {
        self.kind.fixedSitePath != nil ? "#" + self.kind.rawValue : (self.original ?? self.contentPath ?? self.sitePath)
    }

    /// Whether search engines should skip the page.
    public var isNoIndex: Bool { self.kind.declaration.isNoIndex }

    /// The meta description: the page's own, else its summary.
    public var effectiveDescription: String? { self.description ?? self.summary }

    /// A location in this page's Markdown body, from a 1-based body line and column.
    public func bodyLocation(line: Int, column: Int) -> SourceLocation? {
        self.sourcePath.map { SourceLocation(path: $0, line: line + self.bodyLineOffset, column: column) }
    }

    /// The picture of the page as written and where: its `image`, or the about page's `photo`.
    var picture: (path: String, location: SourceLocation?)? {
        if let image = self.image { return (image, self.imageLocation) }
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
