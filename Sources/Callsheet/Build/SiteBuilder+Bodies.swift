/// The commonest edit in `serve`: a sentence in a page's body. Nothing but the page's own render reads
/// its body (lists, the menu, the sitemap, the images, every shared piece come from front matter and
/// settings), so when every changed file differs from its last reading in its body alone, the site is
/// the last one with those pages rendered again; nothing else is read, listed or assembled.
extension SiteBuilder {
    /// The build after `changes` when they only touch bodies; nil when some change may reach further (the
    /// general rebuild then runs), or when the result would have an error (which it reports in full).
    /// `memory` is changed in place, and only once the build is known to succeed.
    func renderBodies(after changes: SourceChanges, in memory: inout BuildMemory?) -> RenderOutcome? {
        guard let last = memory, !changes.everything, !changes.templates, !changes.contentFiles.isEmpty else { return nil }
        var clock = StageClock()
        let tree = last.contentTree
        let smart = last.report.content.config.markdown.smartPunctuation
        var reads: [String: FileRead] = [:]
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
        let changed = last.report.content.pages.indices.filter { index in
            let page = last.report.content.pages[index]
            return page.sourcePath != nil && page.contentPath.map { reads[$0] != nil } == true
        }
        var rendered: [Int: RenderedPage] = [:]
        for index in changed {
            var page = last.report.content.pages[index]
            page.body = reads[page.contentPath ?? ""]?.page?.body ?? page.body
            guard let renderer = last.languages.renderers[page.language], let before = last.pages[page.outputPath] else { return nil }
            let after = renderer.render(page)
            // A page that now shows other images changes what is copied: the general rebuild sees to that.
            guard after.images == before.images, !after.diagnostics.contains(where: { $0.severity == .error }) else { return nil }
            rendered[index] = after
        }
        clock.lap("render pages")
        let bySitePath = Dictionary(changed.map { (last.report.content.pages[$0].sitePath, $0) }, uniquingKeysWith: { first, _ in first })
        let links = last.pages.values.map { bySitePath.isEmpty || !changedOutput(of: $0, in: rendered) ? $0.anchors : [] }
            + rendered.values.map(\.anchors) + [last.languages.anchors]
        let problems = Self.checkAnchors(links) { sitePath in
            if let index = bySitePath[sitePath] { return rendered[index]?.ids }
            return last.pages[Page.outputPath(of: sitePath)]?.ids
        }
        guard problems.isEmpty else { return nil }
        clock.lap("check links")

        // The build succeeds: the memory becomes the new build's, in place.
        var next = memory.take()!
        var warnings = Diagnostics()
        var dropped = Set<Diagnostic>()
        var delta = SiteDelta(files: [:])
        for (file, read) in reads { next.fileReads[file] = read }
        for (index, after) in rendered {
            let path = after.outputPath
            next.report.content.pages[index].body = reads[next.report.content.pages[index].contentPath ?? ""]?.page?.body ?? ""
            dropped.formUnion(next.pages[path]?.diagnostics ?? [])
            warnings.append(contentsOf: after.diagnostics)
            if next.report.site.files[path] != after.html { delta.files[path] = after.html }
            next.report.site.files[path] = after.html
            next.pages[path] = after
        }
        warnings.append(contentsOf: next.report.warnings.filter { !dropped.contains($0) })
        next.report.content.fileReads = next.fileReads
        next.report.warnings = warnings.sorted
        next.report.timings = clock.timings
        memory = next
        let reused = Set(next.pages.keys).subtracting(rendered.values.map(\.outputPath))
        return RenderOutcome(report: next.report, memory: next, reused: reused, delta: delta)
    }

    /// Whether `page` is one of those rendered again (whose old links no longer count).
    private func changedOutput(of page: RenderedPage, in rendered: [Int: RenderedPage]) -> Bool {
        rendered.values.contains { $0.outputPath == page.outputPath }
    }
}
