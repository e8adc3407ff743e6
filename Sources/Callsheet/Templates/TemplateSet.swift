import Foundation
import Mustache

/// The site's Mustache templates, parsed once and shared by every page render.
public struct TemplateSet: Sendable {
    /// The templates, each named by its path without `.mustache` (`faq`, `partials/head`).
    public let library: MustacheLibrary
    /// The names of every template.
    public let names: Set<String>
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
        var templates: [String: MustacheTemplate] = [:]
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
            do {
                templates[name] = try MustacheTemplate(string: text)
                sources[file] = text
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(message(for: error.error), at: SourceLocation(
                    path: displayPath(file), line: error.context.lineNumber, column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("this template cannot be read: \(error)", at: SourceLocation(path: displayPath(file))))
            }
        }
        var references: [String: [PartialReference]] = [:]
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            var found = PartialReference.scan(text)
            // Only a delimiter change (`{{=<% %>=}}`) hides a partial from the scan; reading the parsed
            // tokens through reflection costs more than parsing, so it is done only then.
            if let template = templates[name], text.contains("{{=") {
                found += referencesMissedByTheScan(template, text: text, scanned: found)
            }
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
        var set = TemplateSet(library: MustacheLibrary(templates: templates), names: Set(templates.keys),
                              assetFiles: assets, sources: sources, fixedIDs: fixedIDs)
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

    /// Renders `context` with the template for `kind`; nil when there is no such template.
    public func render(_ kind: PageKind, context: [String: Any]) -> String? {
        try? renderWatched(kind, context: context).get()
    }

    /// Renders `context` with the template for `kind`, stopping a render that goes too deep or does too
    /// much work (see `TemplateRender`) with a diagnostic that names the page and the template.
    func renderWatched(_ kind: PageKind, context: [String: Any], page: String? = nil) -> Result<String?, Diagnostic> {
        let name = kind.templateName
        switch TemplateRender.render(context, template: name, library: library) {
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

    static func message(for error: Error) -> String {
        switch error {
        case MustacheTemplate.Error.sectionCloseNameIncorrect:
            return "this closing tag does not match the section it closes"
        case MustacheTemplate.Error.unfinishedName:
            return "this tag is not finished; it needs a closing `}}`"
        case MustacheTemplate.Error.expectedSectionEnd:
            return "a section opened in this template is never closed with `{{/name}}`"
        case MustacheTemplate.Error.invalidSetDelimiter:
            return "this set-delimiter tag is malformed"
        case MustacheTemplate.Error.transformAppliedToInheritanceSection:
            return "a transform cannot be applied to a block or parent template"
        case MustacheTemplate.Error.illegalTokenInsideInheritSection, MustacheTemplate.Error.textInsideInheritSection:
            return "only `{{$block}}` sections may appear inside `{{<parent}}`"
        case MustacheTemplate.Error.invalidConfigVariableSyntax, MustacheTemplate.Error.unrecognisedConfigVariable:
            return "this `{{% ... }}` pragma is not understood"
        default:
            return "this template has a syntax error (\(error))"
        }
    }
}

/// A `{{> name}}` or `{{< name}}` tag found in template text.
struct PartialReference: Hashable {
    var name: String
    var isParent: Bool
    var line: Int
    var column: Int

    /// Finds partial and parent tags with the default `{{ }}` delimiters (dynamic `{{>*name}}` ones are skipped).
    /// A tag must close on the line it opens on.
    static func scan(_ text: String) -> [PartialReference] {
        text.withBytes { bytes in
            let newline = UInt8(ascii: "\n"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            var references: [PartialReference] = []
            var line = 1, lineStart = 0, index = 0
            while index + 1 < bytes.count {
                let byte = bytes[index]
                if byte == newline {
                    line += 1
                    lineStart = index + 1
                    index += 1
                    continue
                }
                guard byte == open, bytes[index + 1] == open else { index += 1; continue }
                let tagStart = index
                index += 2
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") || bytes[index] == UInt8(ascii: "<") else { continue }
                let isParent = bytes[index] == UInt8(ascii: "<")
                var end = index + 1
                while end + 1 < bytes.count, bytes[end] != newline, !(bytes[end] == close && bytes[end + 1] == close) { end += 1 }
                guard end + 1 < bytes.count, bytes[end] == close else {
                    index = end  // not closed on this line: the rest of the line holds no tag
                    continue
                }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self).trimmingSpaces()
                if !name.isEmpty, !name.hasPrefix("*") {
                    let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<tagStart]), as: UTF8.self).count + 1
                    references.append(PartialReference(name: name, isParent: isParent, line: line, column: column))
                }
                index = end + 2
            }
            return references
        }
    }
}
