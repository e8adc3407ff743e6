import Foundation

/// `build-site check`: looks at a site as built (in memory; nothing is written) for what a visitor or a
/// search engine would trip over, and reports each problem against the content or template file that
/// caused it.
public struct SiteChecker {
    let report: BuildReport
    private let config: SiteConfig
    private let pagesByOutput: [String: Page]
    private let outputs: Set<String>

    /// A checker for a finished build.
    public init(report: BuildReport) {
        self.report = report
        config = report.content.config
        var byOutput: [String: Page] = [:]
        for page in report.content.pages { byOutput[page.outputPath] = page }
        pagesByOutput = byOutput
        outputs = Set(report.site.files.keys).union(report.site.copies.keys)
    }

    /// Every problem found, sorted by file and line.
    public func check() -> [Diagnostic] {
        var diagnostics = Diagnostics()
        var idsByOutput: [String: Set<String>] = [:]
        var tagsByOutput: [String: [HTMLTag]] = [:]
        for (path, html) in report.site.files where path.hasSuffix(".html") {
            let tags = HTMLTags.scan(html)
            tagsByOutput[path] = tags
            idsByOutput[path] = Set(tags.compactMap { $0.attributes["id"] })
        }
        var titles: [String: String] = [:]
        for path in tagsByOutput.keys.sorted() {
            guard let tags = tagsByOutput[path], let page = pagesByOutput[path] else { continue }
            let html = report.site.files[path] ?? ""
            checkLinks(tags, on: page, path: path, ids: idsByOutput, into: &diagnostics)
            checkImages(tags, on: page, into: &diagnostics)
            checkHeadings(html, tags: tags, on: page, into: &diagnostics)
            checkDescription(of: page, into: &diagnostics)
            checkWeight(html, tags: tags, on: page, path: path, into: &diagnostics)
            if !page.isNoIndex, let title = HTMLTags.texts(of: "title", in: html).first {
                if let first = titles[title] {
                    diagnostics.warning("this page has the same title as \(first): \u{201C}\(title)\u{201D}", at: location(of: page),
                                        hint: "search results and browser tabs cannot tell the two apart; give this page its own `title`")
                } else {
                    titles[title] = page.sourcePath ?? "/" + page.sitePath
                }
            }
        }
        for (file, text) in report.templateSources where file.hasSuffix(".css") {
            checkStylesheet(text, file: file, into: &diagnostics)
        }
        return diagnostics.sorted
    }

    /// Pages checked: every HTML page of the site.
    public var pageCount: Int { report.site.files.keys.filter { $0.hasSuffix(".html") }.count }

    // MARK: Links and third-party requests

    private static let resourceTags: Set<String> = ["img", "script", "iframe", "source", "video", "audio", "embed", "object", "track"]

    private func checkLinks(_ tags: [HTMLTag], on page: Page, path: String, ids: [String: Set<String>],
                            into diagnostics: inout Diagnostics) {
        for tag in tags {
            for attribute in ["href", "src", "srcset", "action", "poster", "data"] {
                guard var value = tag.attributes[attribute], !value.isEmpty else { continue }
                if attribute == "srcset" { value = String(value.split(separator: " ").first ?? "") }
                let isResource = Self.resourceTags.contains(tag.name)
                    || (tag.name == "link" && !(tag.attributes["rel"] ?? "").split(separator: " ").contains { ["canonical", "alternate", "me", "author", "license"].contains(String($0)) })
                if tag.name == "form", attribute == "action" { continue }
                checkURL(value, written: tag.attributes[attribute] ?? value, isResource: isResource, tag: tag.name,
                         on: page, path: path, ids: ids, into: &diagnostics)
            }
        }
    }

    private func checkURL(_ url: String, written: String, isResource: Bool, tag: String, on page: Page, path: String,
                          ids: [String: Set<String>], into diagnostics: inout Diagnostics) {
        let lower = url.lowercased()
        if LinkResolver.hasScheme(url), !lower.hasPrefix("http://"), !lower.hasPrefix("https://") { return }
        if lower.hasPrefix("#") {
            let fragment = String(url.dropFirst())
            if !fragment.isEmpty, fragment != "top", !(ids[path]?.contains(fragment.removingPercentEncoding ?? fragment) ?? false) {
                diagnostics.error("the link `\(url)` names `#\(fragment)`, which is not on this page", at: location(of: written, on: page))
            }
            return
        }
        var target = url
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("//") {
            let absolute = lower.hasPrefix("//") ? "https:" + url : url
            if absolute.hasPrefix(config.baseURL.absolute) {
                target = config.baseURL.root + String(absolute.dropFirst(config.baseURL.absolute.count))
            } else {
                if isResource {
                    let host = URLComponents(string: absolute)?.host ?? absolute
                    diagnostics.error("this page loads `\(url)` from \(host), another website, which sees every visitor",
                                      at: location(of: written, on: page),
                                      hint: "copy the file into content/media/ or templates/assets/ and link to it there")
                }
                return
            }
        }
        var address = target
        var fragment: String?
        if let hash = address.firstIndex(of: "#") {
            fragment = String(address[address.index(after: hash)...])
            address = String(address[..<hash])
        }
        if let query = address.firstIndex(of: "?") { address = String(address[..<query]) }
        let decoded = address.removingPercentEncoding ?? address
        let outputPath: String
        if decoded.hasPrefix("/") {
            guard decoded.hasPrefix(config.baseURL.root) || decoded + "/" == config.baseURL.root else {
                diagnostics.error("the link `\(url)` leaves the site's address \(config.baseURL.absolute)", at: location(of: written, on: page),
                                  hint: "links in templates start with {{site.root}} or use the URLs templates receive")
                return
            }
            outputPath = String(decoded.dropFirst(min(decoded.count, config.baseURL.root.count)))
        } else {
            let base = (path as NSString).deletingLastPathComponent
            outputPath = LinkResolver.normalize((base.isEmpty ? [] : base.split(separator: "/").map(String.init))
                + decoded.split(separator: "/").map(String.init))?.joined(separator: "/").appending(decoded.hasSuffix("/") ? "/" : "") ?? decoded
        }
        let file = outputPath.isEmpty || outputPath.hasSuffix("/") ? outputPath + "index.html" : outputPath
        let found = outputs.contains(file) ? file : (outputs.contains(file + "/index.html") ? file + "/index.html" : nil)
        guard let found else {
            diagnostics.error("the link `\(url)` leads to a page or file that does not exist", at: location(of: written, on: page))
            return
        }
        if let fragment, !fragment.isEmpty, fragment != "top", let targetIDs = ids[found],
           !targetIDs.contains(fragment.removingPercentEncoding ?? fragment) {
            diagnostics.error("the link `\(url)` names `#\(fragment)`, which is not on that page", at: location(of: written, on: page))
        }
    }

    // MARK: Images, headings, descriptions, weight

    private func checkImages(_ tags: [HTMLTag], on page: Page, into diagnostics: inout Diagnostics) {
        for tag in tags where tag.name == "img" && tag.attributes["alt"] == nil {
            diagnostics.warning("an image has no alt text", at: location(of: tag.attributes["src"] ?? "<img", on: page),
                                hint: "describe it for people who cannot see it (alt=\"\" only for decoration)")
        }
    }

    private func checkHeadings(_ html: String, tags: [HTMLTag], on page: Page, into diagnostics: inout Diagnostics) {
        var previous = 0
        for tag in tags {
            guard tag.name.count == 2, tag.name.hasPrefix("h"), let level = Int(tag.name.dropFirst()), (1...6).contains(level) else { continue }
            if previous > 0, level > previous + 1 {
                diagnostics.warning("this heading skips from h\(previous) to h\(level)", at: headingLocation(tag, on: page),
                                    hint: "use one more `#` than the heading above it, so screen reader users keep their place")
            }
            previous = level
        }
    }

    private func checkDescription(of page: Page, into diagnostics: inout Diagnostics) {
        guard let source = page.sourcePath, !page.isNoIndex else { return }
        guard let description = page.effectiveDescription else {
            diagnostics.warning("this page has no `description`", at: SourceLocation(path: source, line: 1, column: 1),
                                hint: "add `description: ...` to its front matter: one sentence of 50 to 160 characters for search results")
            return
        }
        let count = description.count
        if count < 50 || count > 160 {
            diagnostics.warning("the description is \(count) characters long; search engines show 50 to 160",
                                at: page.descriptionLocation ?? SourceLocation(path: source),
                                hint: count < 50 ? "say a little more about the page" : "shorten it to one sentence")
        }
    }

    private func checkWeight(_ html: String, tags: [HTMLTag], on page: Page, path: String, into diagnostics: inout Diagnostics) {
        var bytes = html.utf8.count
        for tag in tags where tag.name == "link" && (tag.attributes["rel"] ?? "").contains("stylesheet") {
            guard let href = tag.attributes["href"], href.hasPrefix(config.baseURL.root) else { continue }
            let file = String(href.dropFirst(config.baseURL.root.count))
            if let generated = report.site.files[file] { bytes += generated.utf8.count }
            if let source = report.site.copies[file], let size = try? FileManager.default.attributesOfItem(atPath: source.path)[.size] as? Int {
                bytes += size
            }
        }
        let budget = config.pageBudgetKB * 1024
        if bytes > budget {
            diagnostics.warning("this page weighs \(bytes / 1024) KB with its CSS, more than the \(config.pageBudgetKB) KB budget",
                                at: location(of: page),
                                hint: "split it into pages, or raise `check: {page_budget_kb: ...}` in site.yml")
        }
    }

    private func checkStylesheet(_ css: String, file: String, into diagnostics: inout Diagnostics) {
        for (index, line) in css.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let range = rest.range(of: "url(") ?? rest.range(of: "@import") {
                let after = rest[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
                if after.hasPrefix("http://") || after.hasPrefix("https://") || after.hasPrefix("//") {
                    let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
                    diagnostics.error("this stylesheet loads a file from another website, which sees every visitor",
                                      at: SourceLocation(path: file, line: index + 1, column: column),
                                      hint: "copy the file (a font or image) into templates/assets/ and link to it there")
                }
                rest = rest[range.upperBound...]
            }
        }
    }

    // MARK: Where a problem comes from

    private func location(of page: Page) -> SourceLocation? {
        page.sourcePath.map { SourceLocation(path: $0, line: 1, column: 1) }
            ?? SourceLocation(path: "templates/\(page.kind.templateName).mustache", line: 0)
    }

    /// The template or content line where `text` is written literally (or, for a site URL, written after
    /// `{{site.root}}`); else the page's file.
    private func location(of text: String, on page: Page) -> SourceLocation? {
        var candidates = [text, HTML.escape(text)]
        let root = config.baseURL.root
        if text.hasPrefix(root), text.count > root.count + 1 { candidates.append("{{site.root}}" + text.dropFirst(root.count)) }
        let mustacheFiles = report.templateSources.filter { $0.path.hasSuffix(".mustache") }
        for (file, source) in mustacheFiles {
            for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let range = candidates.lazy.compactMap({ line.range(of: $0) }).first {
                    return SourceLocation(path: file, line: index + 1, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        if let source = page.sourcePath {
            for (index, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if let range = line.range(of: text) {
                    return SourceLocation(path: source, line: index + 1 + page.bodyLineOffset,
                                          column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                }
            }
        }
        return location(of: page)
    }

    /// A heading from Markdown is found by its id; a heading from a template by its text.
    private func headingLocation(_ tag: HTMLTag, on page: Page) -> SourceLocation? {
        if let id = tag.attributes["id"], let source = page.sourcePath {
            for (index, line) in page.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("#") {
                let text = line.drop { $0 == "#" }.trimmingSpaces()
                if Slug.anchor(from: text) == id || id.hasPrefix(Slug.anchor(from: text) + "-") {
                    return SourceLocation(path: source, line: index + 1 + page.bodyLineOffset, column: 1)
                }
            }
        }
        return location(of: page)
    }
}
