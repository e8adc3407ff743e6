import Foundation
import Testing
@testable import Callsheet

/// A template change in `serve` renders every page and writes the site whole, into the folder beside the
/// output that holds the build before last, after saves that were written into the output itself.
extension IncrementalBuildTests {
    static func bodySave(_ number: Int, _ file: String = "content/services/consent-workshops.md") -> Edit {
        Edit(file, "body save \(number)") { $0 + "\nSentence \(number) of a save.\n" }
    }

    static func footer(_ note: String, _ change: @escaping @Sendable (String) -> String) -> Edit {
        Edit("templates/partials/footer.mustache", note) { change($0) }
    }

    @Test func templateChangesAfterBodySavesGiveTheBytesOfABuildFromScratch() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let session = SiteSession(options: site.options())
        _ = try session.build(changed: nil)
        try check(Self.bodySave(1), on: site, session: session)
        try check(Self.bodySave(2, "content/about.md"), on: site, session: session)
        let whole = try check(Self.footer("a comment added to the footer") { $0 + "<!-- a -->\n" }, on: site, session: session).get()
        #expect(whole.reusedPages == 0, "a template change rendered only \(whole.pageCount - whole.reusedPages) pages")
        try check(Self.bodySave(3), on: site, session: session)
        // Changes of the same length: every page keeps its size, so only what each file holds tells them apart.
        try check(Self.footer("the comment changed") { $0.replacingOccurrences(of: "<!-- a -->", with: "<!-- b -->") },
                  on: site, session: session)
        try check(Self.bodySave(4, "content/about.md"), on: site, session: session)
        try check(Self.footer("the comment changed back") { $0.replacingOccurrences(of: "<!-- b -->", with: "<!-- a -->") },
                  on: site, session: session)
        try check(Self.bodySave(5), on: site, session: session)
        #expect(site.read("services/consent-workshops/index.html")?.contains("Sentence 5 of a save.") == true)
    }

    @Test func aPageRemovedInATemplateChangesRebuildDoesNotLinger() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try site.write("---\ntitle: Workshop notes\n---\nNotes for participants.\n", to: "content/pages/workshop-notes.md")
        let session = SiteSession(options: site.options())
        _ = try session.build(changed: nil)
        try check(Self.footer("a comment added to the footer") { $0 + "<!-- a -->\n" }, on: site, session: session)
        try check(Self.bodySave(1), on: site, session: session)
        // Both folders now hold the extra page. It goes in the same rebuild as a template change.
        let page = site.path("content/pages/workshop-notes.md"), footer = site.path("templates/partials/footer.mustache")
        try FileManager.default.removeItem(atPath: page)
        try site.write(String(contentsOfFile: footer, encoding: .utf8) + "<!-- b -->\n", to: "templates/partials/footer.mustache")
        _ = try session.build(changed: [page, footer])
        #expect(site.read("workshop-notes/index.html") == nil)
        try site.buildOK(output: "fresh")
        #expect(site.tree() == site.tree("fresh"), "the output after the page went with a template change")
        try? FileManager.default.removeItem(atPath: site.path("fresh"))
        // The next whole rebuild writes into the folder that still held the page.
        try check(Self.bodySave(2), on: site, session: session)
        try check(Self.footer("another template change") { $0 + "<!-- c -->\n" }, on: site, session: session)
        #expect(site.read("workshop-notes/index.html") == nil)
        #expect(site.read("sitemap.xml")?.contains("workshop-notes") == false)
    }
}
