import Foundation

/// Finds where something on a rendered page was written: in the templates that page is made of (its
/// kind's template and every parent and partial it includes, as the renderer reads them, and no
/// other), or in the page's own Markdown. Every place is named, so a broken link written in both the
/// nav and the footer is reported at both.
final class SourceFinder: @unchecked Sendable {
    /// One Mustache template: its path as the user sees it, and its lines.
    struct Template {
        var path: String
        var lines: [Substring]
    }

    private let templatesByName: [String: Template]
    private let closures: [PageKind: [String]]
    private let root: String
    private let lock = NSLock()
    private var fileLines: [String: [Substring]] = [:]
    private var templateOrigins: [String: [SourceLocation]] = [:]

    /// The folder prefix of template files as the user sees them (`templates/`).
    let templateRoot: String
    /// The folder prefix of content files as the user sees them (`content/`), from a page's two paths.
    let contentRoot: String?

    init(report: BuildReport, root: String) {
        self.root = root
        var byName: [String: Template] = [:]
        var references: [String: [String]] = [:]
        // Display paths are `<templates folder>/<name>.mustache`; the folder is what a page kind's
        // template path leaves when its name is taken off (the shortest match, so not `partials/faq`).
        let pageTemplates = Set(PageKind.allCases.map { "\($0.templateName).mustache" })
        var prefixes: [String] = []
        for (path, _) in report.templateSources {
            let file = path.split(separator: "/").last.map(String.init) ?? path
            if pageTemplates.contains(file) { prefixes.append(String(path.dropLast(file.count))) }
        }
        let prefix = prefixes.min { $0.count < $1.count } ?? ""
        templateRoot = prefix
        for (path, text) in report.templateSources where path.hasSuffix(".mustache") && path.hasPrefix(prefix) {
            let name = String(path.dropFirst(prefix.count).dropLast(".mustache".count))
            byName[name] = Template(path: path, lines: text.split(separator: "\n", omittingEmptySubsequences: false))
            references[name] = (try? TemplateParser.parse(text).get())?.references.map(\.name) ?? []
        }
        templatesByName = byName
        var closures: [PageKind: [String]] = [:]
        for kind in PageKind.allCases {
            var seen: [String] = []
            var pending = [kind.templateName]
            while let name = pending.popLast() {
                guard byName[name] != nil, !seen.contains(name) else { continue }
                seen.append(name)
                pending += references[name] ?? []
            }
            closures[kind] = seen.sorted()
        }
        self.closures = closures
        contentRoot = report.content.pages.lazy.compactMap { page -> String? in
            guard let source = page.sourcePath, let file = page.contentPath, source.hasSuffix(file) else { return nil }
            return String(source.dropLast(file.count))
        }.first
    }

    /// The templates a page of `kind` is rendered with: its own, its parents and all their partials.
    func templates(for kind: PageKind) -> [Template] {
        (closures[kind] ?? []).compactMap { templatesByName[$0] }
    }

    /// Every line of the page's templates that writes `text` (literally, HTML-escaped, or after
    /// `{{site.root}}` for a URL of the site); else every line of its Markdown that does; else the page.
    func origins(of text: String, on page: Page) -> [SourceLocation] {
        var candidates = [text]
        let escaped = HTML.escape(text)
        if escaped != text { candidates.append(escaped) }
        if text.hasPrefix(root), text.count > root.count + 1 {
            let rest = text.dropFirst(root.count)
            candidates += ["{{site.root}}" + rest, "{{ site.root }}" + rest]
        }
        // The same link is usually on many pages of a kind (a nav or footer link): search its templates once.
        let key = "\(page.kind.templateName)\u{0}\(text)"
        lock.lock()
        let cached = templateOrigins[key]
        lock.unlock()
        var found = cached ?? templates(for: page.kind).flatMap { template in
            Self.lines(of: template.lines, containing: candidates, path: template.path, offset: 0)
        }
        if cached == nil {
            lock.lock()
            templateOrigins[key] = found
            lock.unlock()
        }
        if found.isEmpty, let source = page.sourcePath {
            found = Self.lines(of: page.body.split(separator: "\n", omittingEmptySubsequences: false), containing: [text],
                               path: source, offset: page.bodyLineOffset)
        }
        if found.isEmpty, let picture = page.picture, picture.path == text, let location = picture.location { return [location] }
        return found.isEmpty ? [location(of: page)] : found
    }

    /// The start of the page's file, or of its template (as the user sees its path: their own, or the built-in
    /// theme's) when the page has no file.
    func location(of page: Page) -> SourceLocation {
        let template = templatesByName[page.kind.templateName]?.path ?? templateRoot + page.kind.templateName + ".mustache"
        return SourceLocation(path: page.sourcePath ?? template, line: 1, column: 1)
    }

    /// The lines of a content file (a page's Markdown, or site.yml), read once; nil when unreadable.
    func lines(ofFile path: String) -> [Substring]? {
        lock.lock()
        defer { lock.unlock() }
        if let lines = fileLines[path] { return lines }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        fileLines[path] = lines
        return lines
    }

    /// The path of site.yml as the user sees it.
    var siteYAML: String? { contentRoot.map { $0 + "site.yml" } }

    /// Where `key:` is written at the top level of a YAML file (site.yml, or a page's front matter).
    func location(ofKey key: String, inFile path: String) -> SourceLocation? {
        guard let lines = lines(ofFile: path) else { return nil }
        for (index, line) in lines.enumerated() where line.hasPrefix(key + ":") {
            let value = line.dropFirst(key.count + 1).prefix { $0 == " " }
            return SourceLocation(path: path, line: index + 1, column: key.count + 2 + value.count)
        }
        return nil
    }

    static func lines(of lines: [Substring], containing candidates: [String], path: String, offset: Int) -> [SourceLocation] {
        var found: [SourceLocation] = []
        for (index, line) in lines.enumerated() {
            guard let range = candidates.lazy.compactMap({ line.range(of: $0) }).first else { continue }
            found.append(SourceLocation(path: path, line: index + 1 + offset,
                                        column: line.distance(from: line.startIndex, to: range.lowerBound) + 1))
        }
        return found
    }
}
