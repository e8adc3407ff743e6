/// The commonest edit in `serve`: a sentence in a page's body. Nothing but the page's own render reads
/// its body (lists, the menu, the sitemap, the images, every shared piece come from front matter and
/// settings), so when every changed file differs from its last reading in its body alone, the site is
/// the last one with those pages rendered again; nothing else is read, listed or assembled.
extension SiteBuilder {
    /// The build after `changes` when they only touch bodies; nil when some change may reach further (the
    /// general rebuild then runs), or when the result would have an error (which it reports in full).
    func renderBodies(after changes: SourceChanges, in memory: BuildMemory) -> RenderOutcome? {
        guard !changes.everything, !changes.templates, !changes.contentFiles.isEmpty else { return nil }
        var clock = StageClock()
        let tree = memory.contentTree
        let files = Set(tree.files)
        let smart = memory.report.content.config.markdown.smartPunctuation
        var fileReads = memory.fileReads
        var bodies: [String: Page] = [:]
        for file in changes.contentFiles {
            guard let before = memory.fileReads[file], let kind = before.page?.kind,
                  !memory.fileReads.values.contains(where: { $0.alsoRead.contains(file) }) else { return nil }
            // A file now missing, or now a link, cannot be read here (the tree opens nothing through a link).
            let read = FileRead.read(file, kind: kind, displayPath: tree.displayPath(of:), files: files, readText: tree.readText, smart: smart)
            guard let page = read.page, read.face == before.face, read.diagnostics == before.diagnostics else { return nil }
            fileReads[file] = read
            bodies[file] = page
        }
        clock.lap("read pages")
        var content = memory.report.content
        var changed: [Page] = []
        for index in content.pages.indices {
            // A page made from another's file (the thank-you page, from the contact page's) has no source of its own.
            guard content.pages[index].sourcePath != nil, let file = content.pages[index].contentPath, let page = bodies[file] else { continue }
            content.pages[index].body = page.body
            changed.append(content.pages[index])
        }
        content.fileReads = fileReads
        var pages = memory.pages
        var warnings = memory.report.warnings
        for page in changed {
            guard let renderer = memory.languages.renderers[page.language], let before = pages[page.outputPath] else { return nil }
            let after = renderer.render(page)
            // A page that now shows other images changes what is copied: the general rebuild sees to that.
            guard after.images == before.images, !after.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            for diagnostic in before.diagnostics { if let at = warnings.firstIndex(of: diagnostic) { warnings.remove(at: at) } }
            warnings += after.diagnostics
            pages[page.outputPath] = after
        }
        clock.lap("render pages")
        let renderable = content.pages.filter { pages[$0.outputPath] != nil }
        let rendered = renderable.compactMap { pages[$0.outputPath] }
        guard Self.checkAnchors(rendered, pages: renderable, extra: memory.languages.anchors).isEmpty else { return nil }
        clock.lap("check links")
        var report = memory.report
        for page in changed { report.site.files[page.outputPath] = pages[page.outputPath]?.html }
        report.content = content
        var sorted = Diagnostics()
        sorted.append(contentsOf: warnings)
        report.warnings = sorted.sorted
        report.timings = clock.timings
        var next = memory
        next.fileReads = fileReads
        next.pages = pages
        next.report = report
        let reused = Set(pages.keys).subtracting(changed.map(\.outputPath))
        return RenderOutcome(report: report, memory: next, reused: reused)
    }
}
