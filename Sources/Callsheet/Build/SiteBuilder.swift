import Foundation

/// What a finished build reports.
public struct BuildReport: Sendable {
    /// HTML pages written.
    public var pageCount: Int
    /// Files written in all (pages, sitemap, copies).
    public var fileCount: Int
    /// Warnings found along the way.
    public var warnings: [Diagnostic]
    /// The site as built, before it was written.
    public var site: RenderedSite
    /// What the site was built from, for the checks of `build-site check`.
    public var content: SiteContent
    /// Every template file: its path as the user sees it, and its text.
    public var templateSources: [(path: String, text: String)]
    /// How long each stage took, in milliseconds, in order (printed by `--verbose`).
    public var timings: [(stage: String, milliseconds: Double)] = []
    /// The site's processed images, for the page weights of `build-site check`.
    public var images = SiteImages()
    /// Pages taken unchanged from the build before (in `serve`, after an edit).
    public var reusedPages = 0
}

/// A build in memory, what it keeps for the next one, and which pages it took from the last one unchanged.
struct RenderOutcome {
    var report: BuildReport
    var memory: BuildMemory
    /// How many pages were taken as they were from the build before.
    var reused: Int
    /// When pages were taken from the build before, what differs from its output; nil: write the site whole.
    var delta: SiteDelta?
}

/// Notes how long each stage of a build takes.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var timings: [(stage: String, milliseconds: Double)] = []

    mutating func lap(_ stage: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        timings.append((stage, Double(now - last) / 1_000_000))
        last = now
    }
}

/// Builds a site: content and templates in, a folder of HTML out. The build is a list of named stages;
/// each one collects every problem it finds, every stage whose input is there runs, and the build fails
/// at the end when any found an error.
public struct SiteBuilder {
    public let options: BuildOptions

    /// A builder with `options`.
    public init(options: BuildOptions) {
        self.options = options
    }

    /// Builds and writes the site. Throws `BuildFailure` with every diagnostic when the site has errors;
    /// the output folder is then left exactly as it was.
    public func build() throws(BuildFailure) -> BuildReport {
        var memory: BuildMemory?
        return try build(after: SourceChanges(everything: true), in: &memory).report
    }

    /// Builds and writes the site, taking from `memory` what `changes` left as it was. When every page is
    /// rendered, the site is written whole and swapped with the output; when some were taken from the
    /// build before, only the files that differ from it are replaced in the output, each in one step.
    /// `memory` becomes the next build's; it is nil after a failure to write.
    func build(after changes: SourceChanges, in memory: inout BuildMemory?) throws(BuildFailure) -> RenderOutcome {
        var clock = StageClock()
        let changes = changes.withoutPassingFiles(since: memory)
        let writer = OutputWriter(path: options.outputDirectory)
        if let refusal = writer.checkSafety(sources: [options.contentDirectory, options.templatesDirectory], force: options.force) {
            throw BuildFailure(diagnostics: [refusal])
        }
        // Getting the output's previous-build folder ready (listing it) runs while the content is read, when
        // the folder it goes in exists; otherwise nothing is made until the site has built. After an edit
        // (`memory`) it is got ready only if every page renders again, just before they do: the pages are then
        // written as they render, as in a first build, rather than all after the last one.
        let early = writer.canBeginEarly
        let pending = early && memory == nil ? Background { try writer.begin() } : nil
        let failedToWrite = { (error: Error) in BuildFailure(diagnostics: [Self.writeProblem(error, output: options.outputDirectory)]) }
        let images = ImageScratch(output: options.outputDirectory)
        var built = false
        defer { images.tidy(built: built) }
        clock.lap("check the output")
        var outcome: RenderOutcome
        var session: OutputSession?
        do {
            if let bodies = renderBodies(after: changes, in: &memory) {
                outcome = bodies
            } else if early {
                outcome = try render(images: images.cache, into: { () throws(BuildFailure) -> OutputSession in
                    do {
                        let opened = try pending?.value() ?? writer.begin()
                        session = opened
                        return opened
                    } catch { throw failedToWrite(error) }
                }, after: changes, in: memory)
            } else {
                outcome = try render(images: images.cache, into: nil, after: changes, in: memory)
            }
        } catch {
            if let session = session ?? (try? pending?.value()) { writer.abandon(session) }
            throw error
        }
        outcome.report.timings.insert(contentsOf: clock.timings, at: 0)
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            if let delta = outcome.delta {
                do { try writer.update(delta) } catch {
                    memory = nil  // what the output holds is not known: the next build writes it whole
                    throw error
                }
            } else {
                let whole: OutputSession
                do { whole = try session ?? pending?.value() ?? writer.begin() } catch { throw failedToWrite(error) }
                do {
                    try writer.finish(whole, site: outcome.report.site, jobs: options.jobs)
                } catch {
                    writer.abandon(whole)
                    throw error
                }
            }
            outcome.report.timings.append(("write output", Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000))
        } catch let failure as BuildFailure {
            throw failure
        } catch {
            throw BuildFailure(diagnostics: outcome.report.warnings + [Self.writeProblem(error, output: options.outputDirectory)])
        }
        outcome.report.fileCount = outcome.report.site.files.count + outcome.report.site.copies.count
        built = true
        memory = outcome.memory
        return outcome
    }

    /// Builds the site in memory, writing nothing. An output folder the build could not write is an error
    /// here too, so `check` fails where `build` would.
    public func render() throws(BuildFailure) -> BuildReport {
        let unwritable = OutputWriter(path: options.outputDirectory).checkWritable()
        let images = ImageScratch(output: options.outputDirectory)
        let report: BuildReport
        do {
            report = try render(images: images.cache, into: nil)
            images.tidy(built: true)
        } catch {
            images.tidy(built: false)
            throw BuildFailure(diagnostics: error.diagnostics + [unwritable].compactMap { $0 })
        }
        if let unwritable { throw BuildFailure(diagnostics: report.warnings + [unwritable]) }
        return report
    }

    /// A failure to write the output, in plain words, with the file it concerns.
    static func writeProblem(_ error: Error, output: String) -> Diagnostic {
        if let problem = error as? FileProblem { return .error("could not write the site: \(problem.message)", at: nil, hint: problem.hint) }
        return .error("could not write `\(output)`: \(error.localizedDescription)", at: nil)
    }

    /// Builds the site in memory. With `session`, which is asked for just before pages render, each page
    /// is also written into it as soon as it is rendered (the output folder itself is only touched by
    /// `OutputWriter.finish`).
    func render(images cache: ImageCache, into openSession: (() throws(BuildFailure) -> OutputSession)?) throws(BuildFailure) -> BuildReport {
        try render(images: cache, into: openSession, after: SourceChanges(everything: true), in: nil).report
    }

    /// Builds the site in memory, taking from `memory` (the last build that succeeded) what `changes` left
    /// as it was: the readings of unchanged files, the parsed templates, and every page whose file and
    /// whose shared pieces (`SharedFact`) are unchanged.
    func render(images cache: ImageCache, into openSession: (() throws(BuildFailure) -> OutputSession)?,
                after changes: SourceChanges, in memory: BuildMemory?) throws(BuildFailure) -> RenderOutcome {
        // Every stage that can still run does, so one page's mistake does not hide another's: a stage is
        // skipped only when what it needs is missing, and the build fails after the last one.
        var diagnostics = Diagnostics()
        func stage<T>(_ result: (T?, [Diagnostic])) -> T? {
            diagnostics.append(contentsOf: result.1)
            return result.0
        }
        func failure() -> BuildFailure { BuildFailure(diagnostics: diagnostics.sorted) }

        var clock = StageClock()
        // 1. Read the content and template folders (the templates only when one changed; the content's
        // listing only when a file may have come or gone).
        let contentTree = changes.keepsListing(of: memory) ? memory?.contentTree : stage(SourceTree.scan(options.contentDirectory, requiring: "site.yml"))
        let kept = changes.templates(in: memory)
        let templateTree: ThemeFiles?
        var strings: StringTable
        let stringProblems: [Diagnostic]
        if let kept {
            (templateTree, strings, stringProblems) = (kept.templateTree, kept.strings, kept.stringProblems)
        } else {
            templateTree = stage(ThemeFiles.load(options.templatesDirectory, overBuiltInTheme: options.builtInTheme))
            (strings, stringProblems) = templateTree.map {
                StringTable.load(files: $0.files, displayPath: $0.displayPath(of:), readText: $0.readText)
            } ?? (StringTable(), [])
            if options.builtInTheme { strings = strings.laid(over: .builtIn) }
        }
        clock.lap("list folders")
        // 2. Settings and pages (each page with mistakes is left out, and the others go on); a file read by
        // the last build and unchanged since is not read again.
        let readings = changes.readings(in: memory, listing: contentTree?.files ?? [])
        var content = contentTree.flatMap { tree in
            stage(SiteContent.load(files: tree.files, displayPath: tree.displayPath(of:), readText: tree.readText,
                                   includeDrafts: options.includeDrafts, jobs: options.jobs, strings: strings,
                                   reusing: readings ?? [:]))
        }
        if let override = options.baseURL {
            guard let baseURL = BaseURL(override) else {
                diagnostics.error("--base-url must be an absolute http or https address, such as https://example.com/", at: nil)
                throw failure()
            }
            content?.config.baseURL = baseURL
        }
        if let content { diagnostics.append(contentsOf: content.config.theme.missingFiles(mediaFiles: Set(content.mediaFiles))) }
        clock.lap("read pages")
        // 3-4. Templates and the theme's words in every language of the site (the contact forms are read
        // with each language's renderer, below).
        let templates = kept?.templates ?? templateTree.flatMap { tree in
            stage(TemplateSet.load(files: tree.files, displayPath: tree.displayPath(of:), readText: tree.readText))
        }
        guard let contentTree, let templateTree, let content, let templates else { throw failure() }
        diagnostics.append(contentsOf: Self.missingTemplates(in: templates, for: content.pages, displayPath: templateTree.displayPath(of:)))
        diagnostics.append(contentsOf: stringProblems + strings.missing(languages: content.config.allLanguages, declared: content.config.languageLocations,
                                                                        templateSources: templates.sources,
                                                                        displayPath: templateTree.displayPath(of:)))
        clock.lap("contact form and templates")
        // 5. Pages, in parallel; written as they render only while the build is still clean.
        let published = Set(content.pages.compactMap(\.contentPath))
        // After a mistake, an unpublished page may be one left out for its mistake (or a clash) rather than a
        // draft: links to such pages are left alone, not reported a second time.
        let unpublished = Set(contentTree.files.filter { $0.hasSuffix(".md") && !published.contains($0) })
        let unread = (diagnostics.hasErrors ? unpublished : []).union(contentTree.refused)
        let resolver = LinkResolver(pages: content.pages, contentFiles: contentTree.files, mediaFiles: content.mediaFiles,
                                    draftFiles: unpublished.subtracting(unread), baseURL: content.config.baseURL,
                                    unreadFiles: unread)
        // 4b. Images: upright, stripped, resized, link previews, icons (in parallel; cached beside the output),
        // only while the build is clean.
        let images = diagnostics.hasErrors ? nil
            : stage(SiteImages.stage(content: content, resolver: resolver, cache: cache, jobs: options.jobs, url: contentTree.url(of:)))
        clock.lap("images")
        // The contact form of each language, and each language's menu and testimonials.
        let languages = Self.languageRendering(content: content, templates: templates, strings: strings, resolver: resolver,
                                               images: images ?? SiteImages(), refused: contentTree.refused)
        diagnostics.append(contentsOf: languages.problems)
        let testimonialAnchors = languages.anchors
        clock.lap("menu and testimonials")
        // The pages the last build rendered that still hold: the site's shape, its templates, settings and
        // images are the same, the page's own file is, and so is every shared piece it read.
        let shape = content.pages.map(PageShape.init)
        let facts = languages.renderers.mapValues(\.context.facts)
        var unchanged: [String: RenderedPage] = [:]
        if let memory, kept != nil, let readings, changes.areFollowed(by: memory), memory.shape == shape {
            let reread = Set(content.fileReads.keys.filter { readings[$0] == nil })
            var changedFacts: [String: Set<SharedFact>] = [:]
            for (code, table) in facts { changedFacts[code] = memory.facts[code].map(table.changed(since:)) }
            for page in content.pages {
                guard let before = memory.pages[page.outputPath], !(page.contentPath.map(reread.contains) ?? false),
                      let changed = changedFacts[page.language], before.reads.isDisjoint(with: changed) else { continue }
                unchanged[page.outputPath] = before
            }
        }
        let reused = unchanged
        let session = diagnostics.hasErrors || !reused.isEmpty ? nil : try openSession?()
        let output = options.outputDirectory
        // A page whose template is missing has its error already.
        let renderable = content.pages.filter { templates.contains($0.kind.templateName) }
        let rendered = concurrentMap(renderable, jobs: options.jobs) { page -> RenderedPage in
            if let before = reused[page.outputPath] { return before }
            guard let renderer = languages.renderers[page.language] else { preconditionFailure("a page in no language of the site") }
            var result = renderer.render(page)
            if let session, !result.html.isEmpty, let error = session.write(result.outputPath, result.html) {
                result.diagnostics.append(Self.writeProblem(error, output: output))
            }
            return result
        }
        clock.lap("render pages")
        // 6. Links between pages.
        diagnostics.append(contentsOf: rendered.flatMap(\.diagnostics))
        diagnostics.append(contentsOf: Self.checkAnchors(rendered, pages: renderable, extra: testimonialAnchors))
        guard let images, !diagnostics.hasErrors else { throw failure() }
        clock.lap("check links")
        // 7. Assemble the output.
        var site = RenderedSite()
        for page in rendered { site.files[page.outputPath] = page.html }
        site.files["sitemap.xml"] = Sitemap.xml(pages: content.pages, baseURL: content.config.baseURL,
                                                versions: languages.versions)
        site.files["robots.txt"] = Sitemap.robots(baseURL: content.config.baseURL)
        site.files.merge(Self.formSchemas(languages.forms, config: content.config, strings: strings)) { _, schema in schema }
        for code in content.config.allLanguages {
            let posts = content.pages.filter { $0.kind == .post && $0.language == code }
            guard !posts.isEmpty else { continue }
            site.files[content.config.folder(of: code) + Feed.path] =
                Feed.atom(posts: posts, list: content.pages.first { $0.kind == .news && $0.language == code },
                          config: content.config.localized(to: code))
        }
        for file in content.mediaFiles where !images.handles(file) { site.copies[file] = contentTree.url(of: file) }
        let usedImages = Set(rendered.flatMap(\.images))
        site.files.merge(images.textFiles) { page, _ in page }
        site.copies.merge(images.files(used: usedImages, url: contentTree.url(of:))) { _, image in image }
        diagnostics.append(contentsOf: images.unusedUnreadable(used: usedImages, displayPath: contentTree.displayPath(of:)))
        for file in templates.assetFiles { templateTree.publish(file, in: &site) }
        diagnostics.append(contentsOf: Self.addStaticFiles(content.staticFiles, to: &site, tree: contentTree))
        if diagnostics.hasErrors { throw BuildFailure(diagnostics: diagnostics.sorted) }
        if let css = content.config.theme.stylesheet(root: content.config.baseURL.root) {
            site.files[ThemeSettings.stylesheetPath] = css
            site.copies[ThemeSettings.stylesheetPath] = nil
        }
        clock.lap("sitemap and copies")
        let report = BuildReport(pageCount: rendered.count, fileCount: site.files.count + site.copies.count,
                                 warnings: diagnostics.sorted, site: site, content: content,
                                 templateSources: templates.sources.map { (templateTree.displayPath(of: $0.key), $0.value) }
                                     .sorted { $0.0 < $1.0 }, timings: clock.timings, images: images)
        let next = BuildMemory(templateTree: templateTree, templates: templates, strings: strings, stringProblems: stringProblems,
                               contentTree: contentTree, contentFileSet: Set(contentTree.files),
                               readByPages: content.fileReads.values.reduce(into: Set<String>()) { $0.formUnion($1.alsoRead) },
                               shape: shape, facts: facts,
                               pages: Dictionary(rendered.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first }),
                               languages: languages, report: report)
        return RenderOutcome(report: report, memory: next, reused: unchanged.count,
                             delta: unchanged.isEmpty ? nil : memory.map { SiteDelta(from: $0.site, to: site) })
    }

    /// Reads the contact page's form spec, when it has one. The result is `.some(nil)` for a site without a form.
    static func contactForm(in content: SiteContent) -> (ContactForm??, [Diagnostic]) {
        contactForm(pages: content.pages, config: content.config, sitePaths: Set(content.pages.map(\.sitePath)))
    }

    /// The form of the first contact page of `pages` (one language's).
    static func contactForm(pages: [Page], config: SiteConfig, sitePaths: Set<String>) -> (ContactForm??, [Diagnostic]) {
        guard let contact = pages.first(where: { $0.kind == .contact }),
              let yaml = contact.details(ContactDetails.self)?.form else { return (.some(nil), []) }
        let (form, problems) = ContactForm.parse(yaml, at: SourceLocation(path: contact.sourcePath ?? "contact.md"),
                                                 sitePaths: sitePaths, siteTitle: config.title, ownerEmail: config.owner.email)
        return (form.map { .some($0) }, problems)
    }

    /// `content/static/` is published at the site's root as it is; a file there may not replace one the build writes.
    static func addStaticFiles(_ files: [String], to site: inout RenderedSite, tree: SourceTree) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for file in files {
            let target = String(file.dropFirst("static/".count))
            if site.files[target] != nil || site.copies[target] != nil {
                problems.append(.error("`\(tree.displayPath(of: file))` would replace `\(target)`, which the build writes",
                                       at: SourceLocation(path: tree.displayPath(of: file), line: 0),
                                       hint: "remove it from static/, or change the page that makes `\(target)`"))
                continue
            }
            // static/ is copied as it is: a photo there would publish where and with what it was taken.
            if ImageFormat.isRaster(name: file), case .success(let data) = SourceTree.read(tree.url(of: file)),
               let kind = ImageMetadata.found(in: [UInt8](data)) {
                problems.append(.error("this picture holds \(kind) data (often where and with what camera it was taken), and static/ publishes files as they are",
                                       at: SourceLocation(path: tree.displayPath(of: file), line: 1, column: 1),
                                       hint: "put it in media/ and link it from there: the build removes that data; or export it again without it"))
                continue
            }
            site.copies[target] = tree.url(of: file)
        }
        return problems
    }

    /// Every kind of page the site has needs its template.
    static func missingTemplates(in templates: TemplateSet, for pages: [Page], displayPath: (String) -> String) -> [Diagnostic] {
        var reported = Set<PageKind>()
        return pages.compactMap { page in
            let name = page.kind.templateName
            guard !templates.contains(name), reported.insert(page.kind).inserted else { return nil }
            let needer = page.sourcePath.map { "\($0) needs it" } ?? "every site has this page"
            return .error("the template `\(name).mustache` is missing (\(needer))",
                          at: SourceLocation(path: displayPath(name + ".mustache"), line: 0),
                          hint: "copy it from Callsheet's default templates folder")
        }
    }

    /// Links to `#anchors` must name an id on the page they lead to.
    static func checkAnchors(_ rendered: [RenderedPage], pages: [Page], extra: [AnchorReference] = []) -> [Diagnostic] {
        var idsByPage: [String: Set<String>] = [:]
        for (page, output) in zip(pages, rendered) { idsByPage[page.sitePath] = output.ids }
        return checkAnchors(rendered.map(\.anchors) + [extra]) { idsByPage[$0] }
    }

    /// Links to `#anchors` must name an id of the page they lead to (by site path: `ids`).
    static func checkAnchors(_ links: [[AnchorReference]], ids idsOf: (String) -> Set<String>?) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for anchors in links {
            for anchor in anchors {
                // Foundation's decoding is slow on Linux, and most fragments hold nothing to decode.
                let fragment = anchor.fragment.utf8.contains(UInt8(ascii: "%")) ? anchor.fragment.removingPercentEncoding ?? anchor.fragment : anchor.fragment
                guard fragment != "top", let ids = idsOf(anchor.targetPage), !ids.contains(fragment) else { continue }
                let near = FieldReader.nearest(to: fragment, in: ids)
                problems.append(.error("the link `\(anchor.written)` names `#\(fragment)`, which is not on that page",
                                       at: anchor.location,
                                       hint: near.map { "did you mean `#\($0)`?" } ?? "FAQ anchors are the question in lower case, words joined by hyphens"))
            }
        }
        return problems
    }
}

/// Work started on a thread of its own, whose result is waited for when needed.
final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        let thread = Thread { [self] in
            result = Result { try work() }
            done.signal()
        }
        thread.start()
    }

    /// The result, once the work has finished.
    func value() throws -> Value {
        done.wait()
        done.signal()  // so the next caller gets through too
        guard let result else { throw CancellationError() }
        return try result.get()
    }
}
