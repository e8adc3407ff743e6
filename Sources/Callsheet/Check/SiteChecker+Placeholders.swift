extension SiteChecker {
    /// Text that `build-site new` wrote for the coordinator to replace, still on the page or in its JSON-LD:
    /// named at each line that writes it (the page's file, site.yml, the page's templates).
    func checkPlaceholders(_ page: ScannedPage, into diagnostics: inout Diagnostics) {
        let marker = Array(Scaffold.placeholderMarker.utf8)
        guard page.html.withBytes({ !String.offsets(of: marker, in: $0).isEmpty }) else { return }
        var places: [(SourceLocation, Substring)] = []
        // YAML comments (hints `new` writes) are not shown, so a marker in one is no placeholder.
        if let file = page.page.sourcePath, let lines = finder.lines(ofFile: file) {
            places += Self.placeholders(in: lines, path: file, yamlLines: page.page.bodyLineOffset)
        }
        if let file = finder.siteYAML, let lines = finder.lines(ofFile: file) {
            places += Self.placeholders(in: lines, path: file, yamlLines: lines.count)
        }
        for template in finder.templates(for: page.page.kind) {
            places += Self.placeholders(in: template.lines, path: template.path, yamlLines: 0)
        }
        if places.isEmpty { places = [(finder.location(of: page.page), Scaffold.placeholderMarker[...])] }
        for (location, text) in places {
            var excerpt = String(text.prefix { $0 != "\"" }).trimmingSpaces()
            if excerpt.count > 60 { excerpt = String(excerpt.prefix(59)) + "\u{2026}" }
            diagnostics.warning("placeholder text from `build-site new` is still here: \u{201C}\(excerpt)\u{201D}", at: location,
                                hint: "write your own words in its place; it shows on the page and in what search engines read")
        }
    }

    /// Each line of `lines` with the marker, and the text from the marker on; the first `yamlLines` are
    /// YAML, whose comment lines are skipped.
    private static func placeholders(in lines: [Substring], path: String, yamlLines: Int) -> [(SourceLocation, Substring)] {
        lines.enumerated().compactMap { index, line in
            guard let range = line.range(of: Scaffold.placeholderMarker) else { return nil }
            if index < yamlLines, line.trimmingSpaces().hasPrefix("#") { return nil }
            let column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
            return (SourceLocation(path: path, line: index + 1, column: column), line[range.lowerBound...])
        }
    }
}
