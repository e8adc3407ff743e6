import Foundation

/// The site's Mustache templates, parsed once and shared by every page render.
public struct TemplateSet: Sendable {
    /// The templates, each named by its path without `.mustache` (`faq`, `partials/head`).
    let templates: [String: ParsedTemplate]
    /// Files under `assets/`, as paths inside the templates folder.
    public let assetFiles: [String]
    /// Every template's text, by its path inside the templates folder (assets' CSS included).
    public let sources: [String: String]
    /// Ids the templates write literally (`id="main"`), which headings from content must not take.
    public let fixedIDs: Set<String>
    /// Each template's path as the user sees it, by template name, for messages about a render.
    var displayPaths: [String: String] = [:]

    /// Parses every `.mustache` file. `readText` returns a file's text. Syntax errors and partials that
    /// name no template are diagnostics with their line and column.
    public static func load(files: [String], displayPath: (String) -> String,
                            readText: (String) -> Result<String, Diagnostic>) -> (TemplateSet?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var templates: [String: ParsedTemplate] = [:]
        var sources: [String: String] = [:]
        var assets: [String] = []
        for file in files {
            if file.hasPrefix("assets/") {
                assets.append(file)
                if file.hasSuffix(".css"), case .success(let text) = readText(file) { sources[file] = text }
                continue
            }
            guard file.hasSuffix(".mustache") else { continue }
            let name = String(file.dropLast(".mustache".count))
            let text: String
            switch readText(file) {
            case .success(let value): text = value
            case .failure(let diagnostic): diagnostics.append(diagnostic); continue
            }
            switch TemplateParser.parse(text) {
            case .success(let template):
                templates[name] = template
                sources[file] = text
            case .failure(let error):
                diagnostics.append(.error(error.message, at: SourceLocation(path: displayPath(file), line: error.line, column: error.column),
                                          hint: error.hint))
            }
        }
        var references: [String: [PartialReference]] = [:]
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            let file = name + ".mustache"
            let found = template.references
            references[name] = found
            for reference in found where templates[reference.name] == nil {
                let kind = reference.isParent ? "the parent template" : "the partial"
                diagnostics.append(.error("\(kind) `\(reference.name)` does not exist", at: SourceLocation(
                    path: displayPath(file), line: reference.line, column: reference.column),
                    hint: "create \(displayPath(reference.name + ".mustache")), or fix the name"))
            }
        }
        diagnostics += cycles(in: references, displayPath: displayPath)
        if diagnostics.contains(where: { $0.severity == .error }) { return (nil, diagnostics) }
        let fixedIDs = Set(sources.values.flatMap(literalIDs)).union(["top"])
        var set = TemplateSet(templates: templates, assetFiles: assets, sources: sources, fixedIDs: fixedIDs)
        for name in templates.keys { set.displayPaths[name] = displayPath(name + ".mustache") }
        return (set, diagnostics)
    }

    /// A template that includes itself, directly or through others, would render forever: each such
    /// loop is an error at the tag that closes it.
    static func cycles(in references: [String: [PartialReference]], displayPath: (String) -> String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var path: [String] = []
        func visit(_ name: String) {
            state[name] = 1
            path.append(name)
            for reference in references[name] ?? [] where references[reference.name] != nil {
                switch state[reference.name] {
                case 1?:
                    let loop = path[path.firstIndex(of: reference.name)!...] + [reference.name]
                    diagnostics.append(.error("templates include each other in a loop: \(loop.joined(separator: " -> "))",
                                              at: SourceLocation(path: displayPath(name + ".mustache"), line: reference.line,
                                                                 column: reference.column),
                                              hint: "a partial cannot include itself, directly or through another partial"))
                case nil:
                    visit(reference.name)
                default:
                    break
                }
            }
            path.removeLast()
            state[name] = 2
        }
        for name in references.keys.sorted() where state[name] == nil { visit(name) }
        return diagnostics
    }

    /// The values of `id="..."` attributes that hold no Mustache tag.
    static func literalIDs(in text: String) -> [String] {
        text.quotedValues(after: "id=\"").filter { !$0.isEmpty && !$0.contains("{{") }
    }

    /// Whether there is a template of this name (`faq`, `partials/head`).
    public func contains(_ name: String) -> Bool { templates[name] != nil }

    /// Renders `context` with the template for `kind`, stopping a render that goes too deep or does too
    /// much work (see `TemplateRenderer`) with a diagnostic that names the page and the template.
    func renderWatched(_ kind: PageKind, context: TemplateValue, page: String? = nil) -> Result<String?, Diagnostic> {
        let name = kind.templateName
        switch TemplateRenderer.render(context, template: name, templates: templates) {
        case .success(let html):
            return .success(html)
        case .failure(.tooDeep):
            return .failure(.error("rendering \(page ?? "this page") with `\(name).mustache` goes too deep: its templates include each other without end",
                                   at: SourceLocation(path: displayPaths[name] ?? "templates/\(name).mustache", line: 1, column: 1),
                                   hint: "a partial named at render time (`{{>*name}}`) must not lead back to a template that includes it"))
        case .failure(.overBudget):
            return .failure(.error("rendering \(page ?? "this page") with `\(name).mustache` takes more work than any page should; it was stopped",
                                   at: SourceLocation(path: displayPaths[name] ?? "templates/\(name).mustache", line: 1, column: 1),
                                   hint: "sections nested over lists multiply: a list inside a list inside a list repeats every item for every item"))
        }
    }
}

/// A `{{> name}}` or `{{< name}}` tag found in template text.
struct PartialReference: Hashable {
    var name: String
    var isParent: Bool
    var line: Int
    var column: Int
}
