import Foundation
import Testing
@testable import Callsheet
#if canImport(Glibc)
import Glibc
#endif

/// A mistake is reported once, at its own file: not again as a mistake in a file that only names it (another
/// coordinator's site met both, and was sent to fix a site.yml that was right).
@Suite struct OneMistakeOneMessageTests {
    /// A page the menu names that is left out for a mistake of its own: the menu does not also call the entry
    /// one that names no page.
    @Test(arguments: [
        ("credits.md", "---\ntitle: Credits\n\tyear: 21\n---\n"),
        ("faq.md", ""),
        ("contact.md", "---\ntitle: \"Contact\n---\nWrite.\n"),
    ])
    func aBrokenPageInTheMenuIsOneError(file: String, text: String) throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try site.write(text, to: "content/\(file)")
        let errors = site.errors()
        #expect(!errors.isEmpty)
        #expect(errors.allSatisfy { $0.location?.path == "content/\(file)" }, "\(errors.map(\.description))")
    }

    /// A file the listing leaves out (here a named pipe where faq.md was; an unreadable file is the same) is
    /// reported at it, once: links to it and the menu's entry for it are not also called links to nothing (an
    /// unreadable faq.md gave nine "does not exist" errors in other files).
    @Test func aFileTheListingRefusesIsOneError() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.path("content/faq.md"))
        #expect(mkfifo(site.path("content/faq.md"), 0o644) == 0)
        let errors = site.errors()
        #expect(errors.map { $0.location?.path } == ["content/faq.md"], "\(errors.map(\.description))")
    }

    /// The menu still catches an entry that names no file at all.
    @Test func anEntryNamingNoFileIsStillAnError() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let yml = try #require(try? String(contentsOfFile: site.path("content/site.yml"), encoding: .utf8))
        try site.write(yml.replacingOccurrences(of: "  - credits.md\n", with: "  - credit.md\n"), to: "content/site.yml")
        #expect(site.errors().map(\.message) == ["the menu entry `credit.md` names no page of the site"])
    }

    /// A picture named from the content folder in a file of pages/ (the first mistake of another coordinator), or
    /// with other capitals: the hint says what to write.
    @Test(arguments: [("![Room](media/room.jpg)", "a link is followed from its file's folder, `pages/`: write `../media/room.jpg`, or `/media/room.jpg` from the content folder"),
                      ("![Room](../media/Room.JPG)", "did you mean `media/room.jpg`? names of files differ in capitals on most web servers")])
    func aMissingPictureGetsTheLinkToWrite(link: String, hint: String) throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\n\(link)\n", "media/room.jpg": "x"])
        defer { site.remove() }
        #expect(site.errors().map(\.hint) == [hint])
    }

    /// cmark leaves these addresses out (`href=""`, `src=""`, which the W3C checker calls an error): said at the
    /// link, rather than a page published with links that lead nowhere. Pictures written as data stay.
    @Test func aScriptAddressIsAnErrorAtItsLink() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\n[x](javascript:alert(1)) ![i](VBScript:x) [f](file:///etc/passwd) [d](data:text/html,hi)\n\n![dot](data:image/png;base64,iVBORw0KGgo=)\n"])
        defer { site.remove() }
        #expect(site.errors().map { $0.location?.description ?? "" } == ["content/pages/a.md:4:1", "content/pages/a.md:4:26", "content/pages/a.md:4:43", "content/pages/a.md:4:67"])
    }

    /// A file of many unknown keys names twenty, then says how many more (1.5 million keys were 1.5 million warnings).
    @Test func manyUnknownKeysAreTwentyWarningsAndACount() throws {
        let keys = (0..<500).map { "k\($0): v\n" }.joined()
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n\(keys)---\nBody.\n"])
        defer { site.remove() }
        let warnings = site.warnings().filter { $0.location?.path == "content/pages/a.md" }.map(\.summary)
        #expect(warnings.count == 21)
        #expect(warnings.first == "content/pages/a.md:3:1: unknown key `k0` in front matter; it is ignored")
        #expect(warnings.last == "content/pages/a.md:23:1: 480 more unknown keys in front matter, from here on; they are ignored")
    }

    /// A folder without site.yml is not listed (`--content /` listed the whole disk, and printed 2 MB of its
    /// devices and links, before saying site.yml was missing).
    @Test func aFolderWithoutSiteYMLIsNotListed() throws {
        let site = try TestSite(["pages/a.md": "---\ntitle: A\n---\n"])
        defer { site.remove() }
        try FileManager.default.removeItem(atPath: site.path("content/site.yml"))
        try FileManager.default.createSymbolicLink(atPath: site.path("content/nowhere"), withDestinationPath: "/nonexistent/x")
        #expect(mkfifo(site.path("content/pipe.md"), 0o644) == 0)
        #expect(site.errors().map(\.summary) == ["content/site.yml:1:1: site.yml is missing from `\(site.path("content"))`"])
    }

    /// site.yml with a mistake: its languages are unknown, and its translations are not called files that are
    /// no part of the site (whose hint would send them to pages/).
    @Test(arguments: ["theme:\n  accent: \"#f4f4f4\"\n", "title: [unclosed\n"])
    func aBrokenSiteYMLSaysNothingOfItsTranslations(mistake: String) throws {
        let site = try TestSite(["site.yml": TestSite.minimalSiteYML + "\nlanguages:\n  - code: fr\n" + mistake,
                                 "faq.md": "---\ntitle: FAQ\n---\n## Why?\n\nBecause.\n",
                                 "faq.fr.md": "---\ntitle: Questions\n---\n## Pourquoi ?\n\nParce que.\n"])
        defer { site.remove() }
        guard case .failure(let failure) = site.build() else {
            Issue.record("built with a broken site.yml")
            return
        }
        #expect(failure.diagnostics.contains { $0.severity == .error && $0.location?.path.hasSuffix("site.yml") == true })
        #expect(!failure.diagnostics.contains { $0.message.contains("not part of the site") }, "\(failure.diagnostics.map(\.description))")
    }
}
