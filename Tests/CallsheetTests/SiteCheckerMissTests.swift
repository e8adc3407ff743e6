import Foundation
import Testing
@testable import Callsheet

/// What the old hand-written scanner missed: each must now fail `check` at the line that causes it.
@Suite struct SiteCheckerMissTests {
    static let unsafe = TestSite.minimalSiteYML + "\nmarkdown:\n  unsafe: true\n"
    static let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"

    /// A footer partial whose line 2 is `line`.
    func footerErrors(_ line: String, then next: String = "") throws -> [String] {
        let site = try TestSite.checked(templates: ["partials/footer.mustache": "<footer>\n\(line)\n\(next)\n</footer>\n"])
        defer { site.remove() }
        return try site.checkErrors()
    }

    /// A page `pages/x.md` whose line 7 is `html` (raw HTML allowed).
    func pageErrors(_ html: String) throws -> [String] {
        let site = try TestSite.checked(["site.yml": Self.unsafe, "media/a.svg": Self.svg, "pages/x.md": "---\ntitle: X\n\(TestSite.described)---\nText.\n\n\(html)\n"])
        defer { site.remove() }
        return try site.checkErrors()
    }

    static let missing = "leads to a page or file that does not exist"
    static func loads(_ url: String, _ host: String = "cdn.example.net") -> String {
        "this page loads `\(url)` from \(host), another website, which sees every visitor"
    }

    @Test func aGreaterThanSignInAQuotedAttributeDoesNotHideTheLinkAfterIt() throws {
        #expect(try footerErrors("<p><a title=\"a > b\" href=\"{{site.root}}nope/\">x</a></p>")
            .contains("templates/partials/footer.mustache:2:27: the link `/nope/` \(Self.missing)"))
    }

    @Test func anUppercaseScriptEndTagDoesNotBlindTheCheck() throws {
        let found = try footerErrors("<script>var a = 1;</SCRIPT>", then: "<img src=\"https://track.example.net/p.gif\" alt=\"\">")
        #expect(found.contains("templates/partials/footer.mustache:3:11: \(Self.loads("https://track.example.net/p.gif", "track.example.net"))"))
    }

    @Test func anUnquotedHrefIsSeen() throws {
        #expect(try footerErrors("<a href=/x/>X</a>").contains("templates/partials/footer.mustache:2:9: the link `/x/` \(Self.missing)"))
    }

    /// Through raw HTML in Markdown: a second `srcset` candidate, `style` url(), `<input type=image>`, SVG `<image href>`.
    @Test(arguments: [
        ("<img src=\"/media/a.svg\" srcset=\"/media/a.svg 1x, https://cdn.example.net/b.png 2x\" alt=\"A\">", 50, "b.png"),
        ("<p style=\"background: URL('https://cdn.example.net/bg.png')\">Hi</p>", 28, "bg.png"),
        ("<form><input type=\"image\" src=\"https://cdn.example.net/go.png\" alt=\"Go\"></form>", 32, "go.png"),
        ("<svg width=\"10\" height=\"10\"><image href=\"https://cdn.example.net/i.png\" width=\"10\" height=\"10\"/></svg>", 42, "i.png"),
    ])
    func aThirdPartyFileInRawHTMLIsSeen(html: String, column: Int, file: String) throws {
        #expect(try pageErrors(html) == ["content/pages/x.md:7:\(column): \(Self.loads("https://cdn.example.net/" + file))"])
    }

    func stylesheetErrors(_ css: String) throws -> [String] {
        let site = try TestSite.checked(templates: ["assets/extra.css": css])
        defer { site.remove() }
        return try site.checkErrors()
    }

    @Test func aCapitalURLInAStylesheetIsSeen() throws {
        #expect(try stylesheetErrors("body {\n  background: URL(https://cdn.example.net/bg.png);\n}\n") == [
            "templates/assets/extra.css:2:15: this stylesheet loads `https://cdn.example.net/bg.png` from cdn.example.net, another website, which sees every visitor",
        ])
    }

    @Test func aQuotedImportOnALineWithAURLIsSeen() throws {
        #expect(try stylesheetErrors("@import \"https://fonts.example.net/x.css\"; body { background: url(data:image/gif;base64,R0lGOD) }\n") == [
            "templates/assets/extra.css:1:9: this stylesheet loads `https://fonts.example.net/x.css` from fonts.example.net, another website, which sees every visitor",
        ])
    }

    @Test func aBrokenLinkInTwoPartialsIsReportedAtBoth() throws {
        let link = "<a href=\"{{site.root}}pricing/\">Pricing</a>"
        let nav = try String(contentsOfFile: Repository.templates + "/partials/nav.mustache", encoding: .utf8) + link + "\n"
        let site = try TestSite.checked(templates: ["partials/nav.mustache": nav, "partials/footer.mustache": "<footer>\n\(link)\n</footer>\n"])
        defer { site.remove() }
        let navLine = nav.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(try site.checkErrors() == [
            "templates/partials/footer.mustache:2:10: the link `/pricing/` \(Self.missing)",
            "templates/partials/nav.mustache:\(navLine):10: the link `/pricing/` \(Self.missing)",
        ])
    }

    @Test func theReportIsInOrderOfLineNumbers() throws {
        let lines = (1...14).map { $0 == 7 || $0 == 13 ? "<a href=\"/gone-\($0)/\">x</a>" : "<p>line \($0)</p>" }
        let site = try TestSite.checked(templates: ["partials/footer.mustache": lines.joined(separator: "\n") + "\n"])
        defer { site.remove() }
        #expect(try site.checkErrors() == [
            "templates/partials/footer.mustache:7:10: the link `/gone-7/` \(Self.missing)",
            "templates/partials/footer.mustache:13:10: the link `/gone-13/` \(Self.missing)",
        ])
    }
}
