import Foundation

/// `build-site check`: looks at a site as built (in memory; nothing is written) for what a visitor or a
/// search engine would trip over, and reports each problem at every content or template line that
/// causes it. Pages are read by an HTML5 parser, as a browser reads them, and each page is parsed once,
/// so the time grows with the size of the site.
public struct SiteChecker: Sendable {
    let report: BuildReport
    let config: SiteConfig
    let pagesByOutput: [String: Page]
    let outputs: Set<String>
    let finder: SourceFinder
    let jobs: Int

    /// A page as the checks see it: parsed, with every URL it uses.
    struct ScannedPage {
        var path: String
        var page: Page
        var html: String
        var elements: [HTMLElement]
        var references: [URLReference]
        var ids: Set<String>
        /// How deep the page nests; a page past `NestingDepth.limit` is reported, not parsed.
        var depth: Int
    }

    /// A checker for a finished build; pages are parsed on `jobs` threads.
    public init(report: BuildReport, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.report = report
        self.jobs = jobs
        config = report.content.config
        var byOutput: [String: Page] = [:]
        for page in report.content.pages { byOutput[page.outputPath] = page }
        pagesByOutput = byOutput
        outputs = Set(report.site.files.keys).union(report.site.copies.keys)
        finder = SourceFinder(report: report, root: report.content.config.baseURL.root)
    }

    /// The third-party hosts that site.yml allows pages to load from, for the summary.
    public var allowedHosts: [String] { config.allowedHosts }

    /// Every problem found, sorted by file, then line and column as numbers.
    public func check() -> [Diagnostic] {
        let paths = report.site.files.keys.filter { $0.hasSuffix(".html") && pagesByOutput[$0] != nil }.sorted()
        let scanned = concurrentMap(paths, jobs: jobs) { path -> ScannedPage in
            let html = report.site.files[path] ?? ""
            let depth = NestingDepth.of(html)
            let elements = depth > NestingDepth.limit ? [] : HTMLDocument(html).elements
            return ScannedPage(path: path, page: pagesByOutput[path]!, html: html, elements: elements,
                               references: URLReference.all(in: elements),
                               ids: Set(elements.flatMap { element in element.attributes.filter { $0.name == "id" }.map(\.value) }),
                               depth: depth)
        }
        var idsByPath: [String: Set<String>] = [:]
        for page in scanned { idsByPath[page.path] = page.ids }
        let ids = idsByPath
        let found = concurrentMap(scanned, jobs: jobs) { page -> [Diagnostic] in
            var diagnostics = Diagnostics()
            guard page.depth <= NestingDepth.limit else {
                diagnostics.error("this page nests \(page.depth) quotes, lists or boxes inside each other; browsers stop at "
                                  + "\(NestingDepth.limit) and show it flattened, and check does not read it further",
                                  at: finder.location(of: page.page), hint: "use fewer levels of `>` quotes or indented lists")
                return diagnostics.all
            }
            checkLinks(page, ids: ids, into: &diagnostics)
            checkImages(page, into: &diagnostics)
            checkHeadings(page, into: &diagnostics)
            checkDescription(of: page.page, into: &diagnostics)
            checkWeight(page, into: &diagnostics)
            checkImages(weighing: page, into: &diagnostics)
            checkTitle(page, into: &diagnostics)
            checkPreviewImage(page, into: &diagnostics)
            checkPlaceholders(page, into: &diagnostics)
            return diagnostics.all
        }
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: found.flatMap { $0 })
        checkDuplicateTitles(scanned, into: &diagnostics)
        checkMissingPreviewImages(scanned, into: &diagnostics)
        for (file, text) in report.templateSources where file.hasSuffix(".css") {
            checkStylesheet(text, file: file, into: &diagnostics)
        }
        return diagnostics.sorted
    }

    /// Pages checked: every HTML page of the site.
    public var pageCount: Int { report.site.files.keys.filter { $0.hasSuffix(".html") }.count }

    /// The page's `<title>` text, as a browser shows it.
    static func title(of page: ScannedPage) -> String? {
        page.elements.first { $0.name == "title" && $0.namespace == .html }
            .map { $0.text.split(whereSeparator: \.isHTMLSpace).joined(separator: " ") }
    }

    private func checkDuplicateTitles(_ pages: [ScannedPage], into diagnostics: inout Diagnostics) {
        var titles: [String: String] = [:]
        for page in pages where !page.page.isNoIndex {
            guard let title = Self.title(of: page) else { continue }
            if let first = titles[title] {
                diagnostics.warning("this page has the same title as \(first): \u{201C}\(title)\u{201D}", at: finder.location(of: page.page),
                                    hint: "search results and browser tabs cannot tell the two apart; give this page its own `title`")
            } else {
                titles[title] = page.page.sourcePath ?? "/" + page.page.sitePath
            }
        }
    }
}
