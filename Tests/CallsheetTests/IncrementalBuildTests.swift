import Foundation
import Testing
@testable import Callsheet

/// `serve` builds again after each save, taking from the build before what the save left as it was. What
/// it writes must be byte for byte what a build from scratch writes, after any sequence of saves.
@Suite struct IncrementalBuildTests {
    /// One save: a file (inside content/ or templates/) and what is done to its text (nil: it is removed).
    struct Edit: CustomStringConvertible, Sendable {
        let file: String
        let change: @Sendable (String) -> String?
        let note: String
        var description: String { "\(note) (\(file))" }

        init(_ file: String, _ note: String, _ change: @escaping @Sendable (String) -> String?) {
            self.file = file
            self.note = note
            self.change = change
        }
    }

    /// Applies `edit`, builds with `session` (told the path) and from scratch into another folder, and
    /// compares the two outputs and the two outcomes. Returns the incremental build's report.
    @discardableResult
    func check(_ edit: Edit, on site: TestSite, session: SiteSession) throws -> Result<BuildReport, BuildFailure> {
        let url = site.root.appendingPathComponent(edit.file)
        let before = try? String(contentsOf: url, encoding: .utf8)
        if let text = edit.change(before ?? "") {
            try site.write(text, to: edit.file)
        } else {
            try FileManager.default.removeItem(at: url)
        }
        let incremental: Result<BuildReport, BuildFailure>
        do { incremental = .success(try session.build(changed: [url.path])) } catch { incremental = .failure(error) }
        let fresh = site.build(output: "fresh")
        switch (incremental, fresh) {
        case (.success(let report), .success(let full)):
            #expect(report.warnings.map(\.summary) == full.warnings.map(\.summary), "warnings after \(edit)")
            let built = site.tree("public"), expected = site.tree("fresh")
            #expect(built.keys.sorted() == expected.keys.sorted(), "the files after \(edit)")
            for (path, bytes) in expected where built[path] != bytes {
                Issue.record("`\(path)` differs from a build from scratch after \(edit)")
            }
        case (.failure(let failure), .failure(let full)):
            #expect(failure.diagnostics.map(\.summary) == full.diagnostics.map(\.summary), "errors after \(edit)")
        default:
            Issue.record("after \(edit) one build succeeded and the other did not")
        }
        try? FileManager.default.removeItem(at: site.root.appendingPathComponent("fresh"))
        return incremental
    }

    /// Edits to the sample site that reach other pages in every way there is: lists, the menu, the footer,
    /// neighbours, the home page's credits and testimonials, anchors, the thank-you page, drafts.
    static let sampleEdits: [Edit] = [
        Edit("content/services/consent-workshops.md", "a sentence added to a service's body") { $0 + "\nOne more sentence about workshops.\n" },
        Edit("content/services/consent-workshops.md", "a service's summary") {
            $0.replacingOccurrences(of: "summary: Practical workshops", with: "summary: Hands-on workshops")
        },
        Edit("content/services/modesty-garment-consultation.md", "a service's title, which moves it in the list") {
            $0.replacingOccurrences(of: "title: ", with: "title: A ")
        },
        Edit("content/services/theatre-intimacy-direction.md", "a service's order") {
            $0.replacingOccurrences(of: "order: ", with: "order: 1")
        },
        Edit("content/pages/privacy.md", "the footer page's title") {
            $0.replacingOccurrences(of: "title: Privacy", with: "title: Privacy notice")
        },
        Edit("content/testimonials.md", "a testimonial") {
            $0.replacingOccurrences(of: "the calmest one", with: "the calmest of all")
        },
        Edit("content/credits.md", "a credit no longer featured") {
            $0.replacingOccurrences(of: "    featured: true\n", with: "\n")
        },
        Edit("content/faq.md", "the FAQ question a service links to") {
            $0.replacingOccurrences(of: "## What does an intimacy coordinator do?", with: "## What does an IC do?")
        },
        Edit("content/faq.md", "the FAQ question back") {
            $0.replacingOccurrences(of: "## What does an IC do?", with: "## What does an intimacy coordinator do?")
        },
        Edit("content/contact.md", "the contact page's body") { $0 + "\nI answer within two days.\n" },
        Edit("content/about.md", "a link to a question the FAQ does not have") { $0 + "\nSee [the FAQ](faq.md#no-such-question).\n" },
        Edit("content/about.md", "that link mended") { $0.replacingOccurrences(of: "#no-such-question", with: "#what-does-an-intimacy-coordinator-do") },
        Edit("content/services/consent-workshops.md", "an image in a body") { $0 + "\n![Maya Okafor](../media/portrait.svg)\n" },
        Edit("content/news/harbour-lights-premiere.md", "a news post's date") {
            $0.replacingOccurrences(of: "date: 20", with: "date: 19")
        },
        Edit("content/pages/workshop-notes.md", "a new extra page") { _ in "---\ntitle: Workshop notes\n---\nNotes for participants.\n" },
        Edit("content/pages/workshop-notes.md", "that page made a draft") { $0.replacingOccurrences(of: "title: Workshop notes", with: "title: Workshop notes\ndraft: true") },
        Edit("content/pages/workshop-notes.md", "that page removed") { _ in nil },
        Edit("content/about.md", "a broken front matter line") { "---\ntitle: [unclosed\n---\n" + $0 },
        Edit("content/about.md", "the front matter fixed") { $0.replacingOccurrences(of: "---\ntitle: [unclosed\n---\n", with: "") },
        Edit("content/site.yml", "the site's title") {
            $0.replacingOccurrences(of: "title: Maya Okafor Intimacy Coordination", with: "title: Maya Okafor, Intimacy Coordinator")
        },
        Edit("templates/partials/footer.mustache", "a template") { $0 + "\n<!-- edited -->\n" },
        Edit("content/services/script-and-scene-consultation.md", "a body edit after all that") { $0 + "\nA last sentence.\n" },
    ]

    @Test func everyKindOfEditToTheSampleGivesTheSameSiteAsABuildFromScratch() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        _ = try session.build(changed: nil)
        for edit in Self.sampleEdits { try check(edit, on: site, session: session) }
    }

    @Test func aSentenceAddedToOneServiceRendersThatPageOnly() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        let first = try session.build(changed: nil)
        #expect(first.reusedPages == 0)
        let report = try check(Self.sampleEdits[0], on: site, session: session).get()
        #expect(report.pageCount - report.reusedPages == 1)
        #expect(site.read("services/consent-workshops/index.html")?.contains("One more sentence about workshops.") == true)
        // An editor's save: the text goes to a temporary file, renamed over the page. The watcher names both.
        let page = site.path("content/services/consent-workshops.md")
        let temporary = site.path("content/services/.consent-workshops.md.swp")
        try (String(contentsOfFile: page, encoding: .utf8) + "\nSaved the way editors save.\n").write(toFile: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary, page) == 0)
        let saved = try session.build(changed: [temporary, page])
        #expect(saved.pageCount - saved.reusedPages == 1)
        #expect(site.read("services/consent-workshops/index.html")?.contains("Saved the way editors save.") == true)
    }

    @Test func aSummaryChangeRendersThePagesThatShowIt() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        _ = try session.build(changed: nil)
        let report = try check(Self.sampleEdits[1], on: site, session: session).get()
        let rendered = report.pageCount - report.reusedPages
        // The service itself, the services list, the home page's cards, and the services that list it
        // among their others; not the FAQ, the credits or the news.
        #expect(rendered > 2 && rendered < report.pageCount / 2, "rendered \(rendered) of \(report.pageCount)")
    }

    @Test func aFailedBuildLeavesItsChangesToTheNextOne() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        _ = try session.build(changed: nil)
        // Two saves, the first of which breaks the site: the second build must still see the first change.
        try site.write("---\ntitle: Services, changed\nsummary: [broken\n---\n", to: "content/services/consent-workshops.md")
        #expect(throws: BuildFailure.self) { try session.build(changed: [site.path("content/services/consent-workshops.md")]) }
        let fixed = "---\ntitle: Workshops on consent\nsummary: Fixed.\norder: 4\n---\nBody.\n"
        try site.write(fixed, to: "content/services/consent-workshops.md")
        try check(Edit("content/services/theatre-intimacy-direction.md", "another service") { $0 + "\nMore.\n" },
                  on: site, session: session)
        #expect(site.read("services/index.html")?.contains("Workshops on consent") == true)
    }

    @Test func aPageSwappedForALinkOutsideTheSiteIsRefusedAsInABuildFromScratch() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        _ = try session.build(changed: nil)
        let secret = site.root.appendingPathComponent("secret.md")
        try "---\ntitle: Secret\n---\nA secret that must not be published.\n".write(to: secret, atomically: true, encoding: .utf8)
        let page = site.root.appendingPathComponent("content/services/consent-workshops.md")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: secret)
        #expect(throws: BuildFailure.self) { try session.build(changed: [page.path]) }
        if case .success = site.build(output: "fresh") { Issue.record("a build from scratch published a page that is a link outside the site") }
        #expect(site.read("services/consent-workshops/index.html")?.contains("A secret") == false)
    }

    /// A random walk of edits on other people's sites (the fixtures), seeded so a failure can be replayed.
    @Test(arguments: ["portfolio-site", "bilingual-site", "long-faq-site"])
    func randomEditsToAnotherSiteGiveTheSameSiteAsABuildFromScratch(name: String) throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let content = site.root.appendingPathComponent("content")
        try FileManager.default.removeItem(at: content)
        try FileManager.default.copyItem(at: Repository.fixtures.appendingPathComponent("\(name)/input/content"), to: content)
        let pages = try FileManager.default.subpathsOfDirectory(atPath: content.path).filter { $0.hasSuffix(".md") }.sorted()
        let session = SiteSession(options: site.options())
        _ = try session.build(changed: nil)
        var random = SeededRandom(seed: 17)
        let changes: [(String, @Sendable (String, Int) -> String?)] = [
            ("a sentence added", { text, n in text + "\nSentence \(n) added in an edit.\n" }),
            ("the title changed", { text, n in text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: \(n) ") }),
            ("the summary changed", { text, n in text.replacingOccurrences(of: "\nsummary: ", with: "\nsummary: Edit \(n). ") }),
            ("an order given", { text, n in text.replacingOccurrences(of: "\ntitle: ", with: "\norder: \(n % 5)\ntitle: ") }),
            ("a link to the FAQ", { text, n in text + "\nSee [the FAQ](/faq.md).\n" }),
        ]
        for step in 0..<12 {
            let file = pages[random.next(below: pages.count)]
            let (note, change) = changes[random.next(below: changes.count)]
            try check(Edit("content/" + file, note) { change($0, step) }, on: site, session: session)
        }
    }
}

/// A small deterministic generator (SplitMix64), so a random test replays the same way.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
