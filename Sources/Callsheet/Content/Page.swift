/// What a page is, which decides its template, URL and JSON-LD.
public enum PageKind: String, Sendable, CaseIterable {
    case home, about, services, service, faq, contact, thanks, page
    case notFound = "404"

    /// The template that renders this kind of page.
    public var templateName: String { rawValue }
}

/// One credential on the about page.
public struct Credential: Sendable, Hashable {
    public var name: String
    public var issuer: String?
    public var year: String?
    public var url: String?
}

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

    // Kind-specific front matter.
    public var summary: String?
    public var photo: String?
    public var photoAlt: String?
    public var photoLocation: SourceLocation?
    public var credentials: [Credential] = []
    /// The contact page's `form:` spec, as written; the contact form reads it.
    public var form: YAMLValue?
    /// The contact page's `thanks:` title and message (Markdown) for the thank-you page.
    public var thanksTitle: String?
    public var thanksMessage: String?

    /// The output file: `faq/index.html`, `index.html` or `404.html`.
    public var outputPath: String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }

    /// Whether search engines should skip the page.
    public var isNoIndex: Bool { kind == .thanks || kind == .notFound }

    /// A location in this page's Markdown body, from a 1-based body line and column.
    public func bodyLocation(line: Int, column: Int) -> SourceLocation? {
        sourcePath.map { SourceLocation(path: $0, line: line + bodyLineOffset, column: column) }
    }
}
