/// The main menu: site.yml's `nav:` entries (or the default ones) matched to the pages they name.
enum NavMenu {
    /// Each entry's label and page. An entry of site.yml that names no page is an error at its line;
    /// a default entry whose page the site does not have is left out. For another language (`config` localized),
    /// `pages` are that language's, entries lead to the translations of the files they name, an entry whose page
    /// has no translation is left out, and `labels` gives the labels of kinds (the theme's words, `nav_faq`).
    /// An entry naming one of `leftOut` (files left out for their own mistakes, reported at them) is left out too.
    static func resolve(_ config: SiteConfig, pages: [Page], leftOut: Set<String> = [],
                        labels: (PageKind) -> String? = { $0.declaration.menuLabel }) -> ([(label: String, page: Page)], [Diagnostic]) {
        let isDefault = config.isDefaultLanguage
        let navLabels = config.languages.first { $0.code == config.language }?.navLabels ?? [:]
        var byFile: [String: Page] = [:]
        for page in pages where page.kind != .thanks {
            if let file = page.original ?? page.contentPath { byFile[file] = page }
            if case .sectionList(let section) = page.kind.declaration.source {
                byFile[section.folder + "/"] = page
                byFile[section.folder + "/_index.md"] = page
            }
        }
        var diagnostics: [Diagnostic] = []
        var menu: [(label: String, page: Page)] = []
        let entries = config.nav ?? SiteConfig.defaultNav.map { NavEntry(target: $0, label: nil, location: SourceLocation(path: "")) }
        for entry in entries {
            let key = normalized(entry.target)
            guard let page = byFile[key] ?? byFile[key + "/"] else {
                guard config.nav != nil, isDefault, !leftOut.contains(key), !leftOut.contains(key + "/_index.md") else { continue }
                let near = FieldReader.nearest(to: key, in: Set(byFile.keys))
                diagnostics.append(.error("the menu entry `\(entry.target)` names no page of the site", at: entry.location,
                                          hint: near.map { "did you mean `\($0)`?" } ?? "name a content file such as `about.md`, or a section such as `services/`"))
                continue
            }
            if menu.contains(where: { $0.page.sitePath == page.sitePath }) {
                diagnostics.append(.warning("the menu names `\(entry.target)` twice", at: entry.location))
                continue
            }
            let label = (isDefault ? entry.label : navLabels[key] ?? navLabels[key + "/"]) ?? page.navTitle ?? labels(page.kind) ?? page.title
            menu.append((label, page))
        }
        return (menu, diagnostics)
    }

    /// `/about.md` and `./about.md` name `about.md`, as links do.
    static func normalized(_ target: String) -> String {
        var path = target.trimmingSpaces()
        while path.hasPrefix("/") || path.hasPrefix("./") { path = String(path.drop { $0 == "/" || $0 == "." }) }
        return path
    }
}
