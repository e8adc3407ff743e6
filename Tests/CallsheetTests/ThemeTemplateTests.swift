import Foundation
import Testing
@testable import Callsheet

/// What the built-in theme shows, checked on small sites built with it.
@Suite struct ThemeTemplateTests {
    func page(_ path: String, of site: TestSite) throws -> String {
        try String(contentsOfFile: site.path("public/" + path), encoding: .utf8)
    }

    @Test func everyQuestionHasAVisiblePermalinkNamedAfterIt() throws {
        let site = try TestSite(["faq.md": "# Fees\n\n## What do you charge?\n\nA day rate.\n\n## Do you travel?\n\nYes.\n"])
        try site.buildOK()
        let html = try page("faq/index.html", of: site)
        #expect(html.contains("<a class=\"faq-permalink\" href=\"#what-do-you-charge\">Link to this question<span class=\"visually-hidden\">: What do you charge?</span></a>"))
        #expect(html.contains("<ul class=\"faq-jump\">\n        <li><a href=\"#fees\">Fees</a></li>"))
    }

    @Test func theFAQFilterIsAScriptFileAndNoInlineScript() throws {
        let site = try TestSite(["faq.md": "## One?\n\nYes.\n\n## Two?\n\nNo.\n"])
        try site.buildOK()
        let html = try page("faq/index.html", of: site)
        #expect(html.contains("<script src=\"/assets/faq-filter.js\" defer></script>"))
        let scripts = html.components(separatedBy: "<script").dropFirst()
        #expect(scripts.allSatisfy { $0.hasPrefix(" src=") || $0.hasPrefix(" type=\"application/ld+json\"") })
        #expect(FileManager.default.fileExists(atPath: site.path("public/assets/faq-filter.js")))
        // The box itself is made by the script: without JavaScript there is nothing to type into.
        #expect(!html.contains("<input"))
    }

    @Test func theHomePageLeadsWithHerNameAndPicture() throws {
        let site = try TestSite(["index.md": "---\ntitle: Home\nimage: media/me.svg\nimage_alt: Sam at work\n---\nHello.\n",
                                 "media/me.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        try site.buildOK()
        let html = try page("index.html", of: site)
        let hero = try #require(html.range(of: "<h1>Sam Test</h1>"))
        let picture = try #require(html.range(of: "<img class=\"photo\" src=\"/media/me.svg\" alt=\"Sam at work\""))
        #expect(hero.lowerBound < picture.lowerBound)
        #expect(html.contains("<div class=\"hero hero-has-photo\">"))
    }

    @Test func theContactPanelSaysHowSoonSheReplies() throws {
        let site = try TestSite(["contact.md": "---\ntitle: Contact\nresponse_time: Within two working days\n---\nWrite to me.\n"])
        try site.buildOK()
        let html = try page("contact/index.html", of: site)
        #expect(html.contains("<div><dt>Replies</dt><dd>Within two working days</dd></div>"))
        #expect(html.contains("<div><dt>Email</dt><dd><a href=\"mailto:sam@example.com\">sam@example.com</a></dd></div>"))
    }

    @Test func theSampleHomePageWeighsUnder30KBWithItsCSS() throws {
        let site = try TestSite.sample()
        try site.buildOK()
        let html = try page("index.html", of: site)
        var bytes = html.utf8.count
        for sheet in html.quotedValues(after: "<link rel=\"stylesheet\" href=\"/") {
            bytes += try Data(contentsOf: URL(fileURLWithPath: site.path("public/" + sheet))).count
        }
        #expect(bytes < 30 * 1024, "home page HTML + CSS is \(bytes) bytes")
    }
}
