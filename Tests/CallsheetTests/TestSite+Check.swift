import Foundation
@testable import Callsheet

extension TestSite {
    static let described = "description: A page description that is long enough for search engines to show it.\n"

    /// A site whose pages pass every check, with content files and template files on top.
    static func checked(_ files: [String: String] = [:], templates: [String: String] = [:]) throws -> TestSite {
        var content = [
            "index.md": "---\ntitle: Home\n\(described)---\nWelcome.\n",
            "pages/privacy.md": "---\ntitle: Privacy\n\(described)---\nNo cookies.\n",
        ]
        for (path, text) in files { content[path] = text }
        let site = try TestSite(content)
        for (path, text) in templates { try site.write(text, to: "templates/" + path) }
        return site
    }

    /// Builds in memory and runs the checks, in the order `check` prints them; paths relative to the site.
    /// Link-preview image warnings are left out unless `previews`: test sites and the sample have no raster
    /// preview image yet (site.yml `social_image` is to come).
    func checkProblems(previews: Bool = false) throws -> [Diagnostic] {
        let report = try SiteBuilder(options: options()).render()
        var all = Diagnostics()
        all.append(contentsOf: report.warnings + SiteChecker(report: report).check())
        return all.sorted.map { diagnostic in
            var diagnostic = diagnostic
            if let path = diagnostic.location?.path, path.hasPrefix(root.path + "/") {
                diagnostic.location?.path = String(path.dropFirst(root.path.count + 1))
            }
            return diagnostic
        }.filter { previews || !$0.message.contains("link-preview image") }
    }

    /// The summaries (`path:line:col: message`) of the errors `check` finds.
    func checkErrors() throws -> [String] {
        try checkProblems().filter { $0.severity == .error }.map(\.summary)
    }
}
