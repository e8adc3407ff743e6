/// The commonest edit in `serve`: a sentence in a page's body. Nothing but the page's own render reads
/// its body (lists, the menu, the sitemap, the images, every shared piece come from front matter and
/// settings), so when every changed file differs from its last reading in its body alone, the site is
/// the last one with those pages rendered again; nothing else is read, listed or assembled.
extension SiteBuilder {
    /// The build after `changes` when they only touch bodies; nil when some change may reach further (the
    /// general rebuild then runs), or when the result would have an error (which it reports in full).
    /// `memory` is changed in place, and only once the build is known to succeed.
    func renderBodies(after changes: SourceChanges, in memory: inout BuildMemory?) -> RenderOutcome? {
        var clock = StageClock()
        // Worked out while the memory is only read; once the last reference made for that is gone, the
        // memory is changed in place, not copied.
        guard let plan = BodyRendering(after: changes, in: memory, clock: &clock), var next = memory.take() else { return nil }
        var warnings = Diagnostics()
        // What the pages rendered again said last time, as counts: another page may have said the same.
        var dropped: [Diagnostic: Int] = [:]
        var delta = SiteDelta(files: [:])
        for (file, read) in plan.reads { next.report.content.fileReads[file] = read }
        for (index, (page, after)) in plan.rendered {
            let path = after.outputPath
            next.report.content.pages[index] = page
            for old in next.pages[path]?.diagnostics ?? [] { dropped[old, default: 0] += 1 }
            warnings.append(contentsOf: after.diagnostics)
            if next.report.site.files[path] != after.html { delta.files[path] = after.html }
            next.report.site.files[path] = after.html
            next.pages[path] = after
        }
        warnings.append(contentsOf: next.report.warnings.filter { warning in
            guard let count = dropped[warning], count > 0 else { return true }
            dropped[warning] = count - 1
            return false
        })
        next.report.warnings = warnings.sorted
        next.report.timings = clock.timings
        memory = next
        return RenderOutcome(report: next.report, memory: next, reused: next.pages.count - plan.rendered.count, delta: delta)
    }
}

/// The pages a body-only edit renders again, rendered, with the readings of the changed files.
private struct BodyRendering {
    var reads: [String: FileRead] = [:]
    /// By index in the site's pages: each page with its new body, rendered.
    var rendered: [Int: (page: Page, output: RenderedPage)] = [:]

    init?(after changes: SourceChanges, in memory: BuildMemory?, clock: inout StageClock) {
        guard let last = memory, !changes.everything, !changes.templates else { return nil }
        let tree = last.contentTree
        let smart = last.report.content.config.markdown.smartPunctuation
        for file in changes.contentFiles {
            guard let before = last.fileReads[file], let kind = before.page?.kind, !last.readByPages.contains(file) else { return nil }
            // A file now missing, or now a link, cannot be read here (the tree opens nothing through a link).
            let read = FileRead.read(file, kind: kind, displayPath: tree.displayPath(of:), files: last.contentFileSet,
                                     readText: tree.readText, smart: smart)
            guard read.page != nil, read.face == before.face, read.diagnostics == before.diagnostics else { return nil }
            reads[file] = read
        }
        clock.lap("read pages")
        // A page made from another's file (the thank-you page, from the contact page's) has no source of its own.
        let pages = last.report.content.pages
        let changed = pages.indices.filter { pages[$0].sourcePath != nil && pages[$0].contentPath.map { reads[$0] != nil } == true }
        for index in changed {
            var page = pages[index]
            page.body = reads[page.contentPath ?? ""]?.page?.body ?? page.body
            guard let renderer = last.languages.renderers[page.language], let before = last.pages[page.outputPath] else { return nil }
            let after = renderer.render(page)
            // A page that now shows other images changes what is copied: the general rebuild sees to that.
            guard after.images == before.images, !after.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            rendered[index] = (page, after)
        }
        clock.lap("render pages")
        // Every link to an anchor is looked up again (one lookup each), with the new ids of the pages rendered again.
        let again = Dictionary(changed.map { (pages[$0].sitePath, $0) }, uniquingKeysWith: { first, _ in first })
        let renderedPaths = Set(rendered.values.map(\.output.outputPath))
        var links = [last.languages.anchors] + rendered.values.map(\.output.anchors)
        for (path, page) in last.pages where !renderedPaths.contains(path) { links.append(page.anchors) }
        let rendered = self.rendered
        let problems = SiteBuilder.checkAnchors(links) { sitePath in
            if let index = again[sitePath] { return rendered[index]?.output.ids }
            return last.pages[Page.outputPath(of: sitePath)]?.ids
        }
        guard problems.isEmpty else { return nil }
        clock.lap("check links")
    }
}
