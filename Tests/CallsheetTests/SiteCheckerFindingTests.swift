import Foundation
import Testing
@testable import Callsheet

/// The findings `check` adds for what ships broken though it builds: each tripped, and passed once fixed.
@Suite struct SiteCheckerFindingTests {
    func warnings(_ files: [String: String], templates: [String: String] = [:], previews: Bool = false) throws -> [String] {
        let site = try TestSite.checked(files, templates: templates)
        defer { site.remove() }
        return try site.checkProblems(previews: previews).filter { $0.severity == .warning }.map(\.summary)
    }

    static let placeholder = "placeholder text from `build-site new` is still here"

    @Test func placeholdersOnAPageAndInItsJSONLDAreNamedEachAtItsLine() throws {
        let page = "---\ntitle: X\ndescription: \"Replace this: one sentence of 50 to 160 characters about this page.\"\n---\nReplace this: what the page says.\n"
        let faq = "---\ntitle: FAQ\n\(TestSite.described)---\n## Is this real?\n\nReplace this: the answer, in a few sentences.\n"
        #expect(try warnings(["pages/x.md": page, "faq.md": faq]) == [
            "content/faq.md:7:1: \(Self.placeholder): \u{201C}Replace this: the answer, in a few sentences.\u{201D}",
            "content/pages/x.md:3:15: \(Self.placeholder): \u{201C}Replace this: one sentence of 50 to 160 characters about th\u{2026}\u{201D}",
            "content/pages/x.md:5:1: \(Self.placeholder): \u{201C}Replace this: what the page says.\u{201D}",
        ])
        let replaced = "---\ntitle: X\n\(TestSite.described)# Replace this: a YAML comment is not shown\n---\nWhat the page says.\n"
        #expect(try warnings(["pages/x.md": replaced]) == [])
    }

    @Test func aTitleOverSixtyCharactersIsAWarningAtItsLine() throws {
        let long = String(repeating: "Long title words ", count: 4).trimmingSpaces()
        #expect(try warnings(["pages/x.md": "---\ntitle: \(long)\n\(TestSite.described)---\nText.\n"]) == [
            "content/pages/x.md:2:8: the title \u{201C}\(long)\u{201D} is \(long.count) characters long; search results cut it after about 60",
        ])
        #expect(try warnings(["pages/x.md": "---\ntitle: A title of fewer than sixty characters\n\(TestSite.described)---\nText.\n"]) == [])
    }

    @Test func aHomeTitleThatRepeatsTheTaglineIsAWarning() throws {
        let yml = TestSite.minimalSiteYML.replacingOccurrences(of: "title: Test Coordinator", with: "title: Sam, intimacy coordination for tests.")
        #expect(try warnings(["site.yml": yml]) == ["content/site.yml:2:10: the home page's title repeats the tagline"])
    }

    @Test func aPageWithoutAPreviewImageOrWithAnSVGOneIsAWarning() throws {
        func about(_ photo: String) -> [String: String] {
            ["about.md": "---\ntitle: About\n\(TestSite.described)photo: /media/\(photo)\nphoto_alt: Sam smiling\n---\nHi.\n", "media/" + photo: "x"]
        }
        let svg = try warnings(about("me.svg"), previews: true)
        #expect(svg.contains("content/about.md:4:8: the link-preview image `https://example.com/media/me.svg` is an SVG, which social media and messaging apps do not show"))
        // Without site.yml's social_image, pages without a picture are one warning there, however many they are.
        #expect(svg.contains("content/site.yml:1:1: 2 pages have no link-preview image (/, /privacy/)"))
        #expect(!svg.contains { $0.hasSuffix("this page has no link-preview image") })
        let png = try TestSite.checked(about("me.png"))
        defer { png.remove() }
        // A real PNG, large enough for a link preview (under 200 px wide the build warns), so the build makes one of it.
        try Data(TestImages.taggedPNG(width: 400, height: 300)).write(to: png.root.appendingPathComponent("content/media/me.png"))
        #expect(try png.checkProblems(previews: true).map(\.summary).filter { $0.hasPrefix("content/about.md") } == [])
    }

    /// The theme adds the site's name in the page's language: a translated page's own title is counted without it.
    @Test func aTranslatedTitleIsCountedWithoutTheSiteNameInItsLanguage() throws {
        let yml = TestSite.minimalSiteYML + "\nlanguages:\n  - code: fr\n    title: Élodie Lachance, coordination d'intimité pour le cinéma\n"
        let found = try warnings(["site.yml": yml, "pages/privacy.fr.md": "---\ntitle: Confidentialité\n\(TestSite.described)---\nRien.\n"])
        #expect(!found.contains { $0.contains("characters long") }, "\(found)")
    }

    /// With a social_image, a page still without a preview is its template's doing: a warning at the page.
    @Test func aThemeThatWritesNoPreviewIsAWarningAtEachPage() throws {
        let head = try String(contentsOfFile: Repository.templates + "/partials/head.mustache", encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("og:image") }.joined(separator: "\n")
        let site = try TestSite.checked(["site.yml": TestSite.minimalSiteYML + "\nsocial_image: media/share.png\n", "media/share.png": ""],
                                        templates: ["partials/head.mustache": head])
        defer { site.remove() }
        try Data(TestImages.taggedPNG(width: 1200, height: 630)).write(to: site.root.appendingPathComponent("content/media/share.png"))
        let found = try site.checkProblems(previews: true).map(\.summary).filter { $0.contains("link-preview") }
        #expect(found == ["content/index.md:1:1: this page has no link-preview image",
                          "content/pages/privacy.md:1:1: this page has no link-preview image"])
    }

    @Test func anAnalyticsHostIsAllowedOnlyWhenListed() throws {
        let head = try String(contentsOfFile: Repository.templates + "/partials/head.mustache", encoding: .utf8)
            + "<script defer src=\"https://plausible.io/js/script.js\"></script>\n<img src=\"https://other.example.net/p.gif\" alt=\"\">\n"
        func errors(_ yml: String) throws -> [String] {
            let site = try TestSite.checked(["site.yml": yml], templates: ["partials/head.mustache": head])
            defer { site.remove() }
            return try site.checkErrors().map { String($0.drop { $0 != " " }.dropFirst()) }
        }
        let other = "this page loads `https://other.example.net/p.gif` from other.example.net, another website, which sees every visitor"
        #expect(try errors(TestSite.minimalSiteYML) == [
            "this page loads `https://plausible.io/js/script.js` from plausible.io, another website, which sees every visitor", other,
        ])
        #expect(try errors(TestSite.minimalSiteYML + "\ncheck:\n  allow_hosts: [plausible.io]\n") == [other])
    }

    @Test func theAllowedHostsArePrintedInTheSummary() throws {
        let head = try String(contentsOfFile: Repository.templates + "/partials/head.mustache", encoding: .utf8)
            + "<script defer src=\"https://plausible.io/js/script.js\"></script>\n"
        let site = try TestSite.checked(["site.yml": TestSite.minimalSiteYML + "\ncheck:\n  allow_hosts: [plausible.io]\n"],
                                        templates: ["partials/head.mustache": head])
        defer { site.remove() }
        let run = try CommandLineTests.run(["check"], in: site.root)
        #expect(run.status == 0)
        #expect(run.stdout.contains("; third-party hosts allowed by site.yml: plausible.io\n"), "\(run.stdout)")
    }

    @Test(arguments: ["https://example.com/my site/", "https://example.com/my%20site/", "https://example.com/café/"])
    func aBaseURLWithASpaceOrAnAccentKeepsLinksInsideTheSite(baseURL: String) throws {
        let yml = TestSite.minimalSiteYML.replacingOccurrences(of: "https://example.com/", with: baseURL)
        let site = try TestSite.checked(["site.yml": yml, "pages/x.md": "---\ntitle: X\n\(TestSite.described)---\n[Privacy](privacy.md)\n"])
        defer { site.remove() }
        #expect(try site.checkErrors() == [])
    }
}

extension SiteCheckerFindingTests {
    @Test func aPageNestedDeeperThanBrowsersGoIsAnErrorAndDoesNotHang() throws {
        let site = try TestSite.checked(["pages/deep.md": "---\ntitle: Deep\n\(TestSite.described)---\n" + String(repeating: "> ", count: 100_000) + "deep\n"])
        defer { site.remove() }
        let start = Date()
        let errors = try site.checkErrors()
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("content/pages/deep.md:1:1: this page nests 1000") == true, "\(errors)")
        #expect(errors.first?.hasSuffix(" quotes, lists or boxes inside each other; browsers stop at 512 and show it flattened, and check does not read it further") == true)
        #expect(Date().timeIntervalSince(start) < 30)
    }
}

extension SiteCheckerFindingTests {
    @Test func aNewSiteNamesEachPlaceholderUntilItIsReplaced() throws {
        let site = try TestSite([:])
        defer { site.remove() }
        let files = Scaffold.site()
        for file in files { try site.write(file.text, to: file.path) }
        let placeholders = try site.checkProblems().filter { $0.message.hasPrefix(Self.placeholder) }
        let written = files.flatMap { file in
            file.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, line in
                line.contains(Scaffold.placeholderMarker) && !line.trimmingSpaces().hasPrefix("#") ? "\(file.path):\(index + 1)" : nil
            }
        }
        #expect(!written.isEmpty)
        #expect(Set(placeholders.compactMap { $0.location.map { "\($0.path):\($0.line)" } }) == Set(written))
        #expect(try site.checkErrors() == [])
        for file in files { try site.write(file.text.replacingOccurrences(of: Scaffold.placeholderMarker + " ", with: ""), to: file.path) }
        #expect(try site.checkProblems().map(\.summary) == [])
    }
}
