import Foundation

/// The template files a build uses: the site's own templates folder laid over the built-in theme, file
/// by file, so a site that changes one stylesheet or one partial keeps the rest of the theme. What
/// `TemplateSet.load` reads; it does not know which layer a file came from.
public struct ThemeFiles: Sendable {
    /// Every file, as a path inside the templates folder (`partials/nav.mustache`), sorted.
    public let files: [String]
    /// The site's own folder, when it has one.
    let tree: SourceTree?
    /// The folder as the user named it, for messages.
    let displayRoot: String
    /// The built-in files the site's folder does not replace.
    let builtIn: [String: Data]

    /// Where messages place a built-in file that the site has no copy of.
    public static let builtInDisplayRoot = "(built-in theme)"

    /// `directory` over the built-in theme when `overBuiltInTheme` (a missing `directory` then means the
    /// built-in theme alone), or `directory` alone.
    public static func load(_ directory: String, overBuiltInTheme: Bool) -> (ThemeFiles?, [Diagnostic]) {
        let displayRoot = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var isFolder: ObjCBool = false
        if overBuiltInTheme, !FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) {
            return (ThemeFiles(tree: nil, displayRoot: displayRoot, builtIn: BuiltInTheme.files), [])
        }
        let (tree, diagnostics) = SourceTree.scan(directory)
        guard let tree else { return (nil, diagnostics) }
        return (ThemeFiles(tree: tree, displayRoot: tree.displayRoot, builtIn: overBuiltInTheme ? BuiltInTheme.files : [:]),
                diagnostics)
    }

    init(tree: SourceTree?, displayRoot: String, builtIn: [String: Data]) {
        let own = tree?.files ?? []
        var builtIn = builtIn
        for file in own { builtIn[file] = nil }
        self.tree = tree
        self.displayRoot = displayRoot
        self.builtIn = builtIn
        files = (own + builtIn.keys).sorted()
    }

    /// The path of `file` as the user sees it: `templates/layout.mustache` for the site's own files (and
    /// for files that exist nowhere, so a hint names where to create them), `(built-in theme)/...` else.
    public func displayPath(of file: String) -> String {
        if builtIn[file] != nil { return Self.builtInDisplayRoot + "/" + file }
        return SourceTree.displayPath(displayRoot, file)
    }

    /// Reads `file` as UTF-8 text, from the site's folder or the built-in theme.
    public func readText(_ file: String) -> Result<String, Diagnostic> {
        if let data = builtIn[file] { return SourceTree.decodeText(data, path: displayPath(of: file)) }
        guard let tree else { return .failure(.error("cannot read this file", at: SourceLocation(path: displayPath(of: file), line: 0))) }
        return tree.readText(file)
    }

    /// Adds the asset `file` to `site` at the same path: a copy of the site's own file, or the built-in
    /// file's text (the built-in theme's assets are text; its embedding tool refuses others).
    public func publish(_ file: String, in site: inout RenderedSite) {
        if let data = builtIn[file] {
            site.files[file] = String(decoding: data, as: UTF8.self)
        } else if let tree {
            site.copies[file] = tree.url(of: file)
        }
    }
}
