import Foundation
import Testing
@testable import Callsheet

@Suite struct SiteCheckerTests {
    func problems(_ site: TestSite) throws -> [Diagnostic] { try site.checkProblems() }

    static let described = TestSite.described

    func site(_ files: [String: String] = [:], template: (name: String, text: String)? = nil) throws -> TestSite {
        try TestSite.checked(files, templates: template.map { [$0.name: $0.text] } ?? [:])
    }

    @Test func theSampleSitePassesEveryCheckStrictly() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        #expect(try problems(site).map(\.summary) == [])
    }

    @Test func aPassingSitePasses() throws {
        let site = try self.site()
        defer { site.remove() }
        #expect(try problems(site).map(\.summary) == [])
    }

    @Test func aBrokenLinkInATemplateIsAnErrorAtTheTemplateLine() throws {
        let footer = "<footer>\n  <p><a href=\"{{site.root}}pricing/\">Pricing</a></p>\n</footer>\n"
        let site = try self.site(template: ("partials/footer.mustache", footer))
        defer { site.remove() }
        let found = try problems(site).filter { $0.severity == .error }.map(\.summary)
        #expect(found.first == "templates/partials/footer.mustache:2:15: the link `/pricing/` leads to a page or file that does not exist")
        #expect(found.allSatisfy { $0.contains("/pricing/") })
    }

    @Test func aLinkToAMissingAnchorInATemplateIsAnError() throws {
        let footer = "<footer>\n<a href=\"#nowhere\">Up</a>\n</footer>\n"
        let site = try self.site(template: ("partials/footer.mustache", footer))
        defer { site.remove() }
        let found = try problems(site).map(\.summary)
        #expect(found.contains("templates/partials/footer.mustache:2:10: the link `#nowhere` names `#nowhere`, which is not on this page"))
    }

    @Test func anImageWithoutAltTextIsAWarning() throws {
        let footer = "<footer>\n<img src=\"{{site.root}}media/logo.svg\" width=\"10\" height=\"10\">\n</footer>\n"
        let site = try self.site(["media/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"],
                                 template: ("partials/footer.mustache", footer))
        defer { site.remove() }
        let found = try problems(site).filter { $0.message == "an image has no alt text" }
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location?.path == "content/index.md" || found.first?.location?.path.hasPrefix("templates/") == true)
        let markdown = try self.site(["pages/x.md": "---\ntitle: X\n\(Self.described)---\nText.\n\n![](/media/logo.svg)\n",
                                      "media/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        defer { markdown.remove() }
        #expect(try problems(markdown).map(\.summary).contains("content/pages/x.md:7:1: this image has no alt text"))
    }

    @Test func aSkippedHeadingLevelIsAWarningAtItsLine() throws {
        let site = try self.site(["pages/x.md": "---\ntitle: X\n\(Self.described)---\n## Fine\n\n#### Too deep\n\nText.\n"])
        defer { site.remove() }
        #expect(try problems(site).map(\.summary) == ["content/pages/x.md:7:1: this heading skips from h2 to h4"])
    }

    @Test(arguments: [
        ("---\ntitle: X\n---\nText.\n", "content/pages/x.md:1:1: this page has no `description`"),
        ("---\ntitle: X\ndescription: Too short.\n---\nText.\n", "content/pages/x.md:3:14: the description is 10 characters long; search engines show 50 to 160"),
        ("---\ntitle: X\ndescription: \(String(repeating: "Long words here. ", count: 11))\n---\nText.\n",
         "content/pages/x.md:3:14: the description is 186 characters long; search engines show 50 to 160"),
    ])
    func descriptionsMustBeThereAndTheRightLength(page: String, expected: String) throws {
        let site = try self.site(["pages/x.md": page])
        defer { site.remove() }
        #expect(try problems(site).map(\.summary) == [expected])
    }

    @Test func duplicateTitlesAreAWarningOnTheSecondPage() throws {
        let site = try self.site(["pages/a.md": "---\ntitle: Same\n\(Self.described)---\nA.\n",
                                  "pages/b.md": "---\ntitle: Same\n\(Self.described)---\nB.\n"])
        defer { site.remove() }
        let found = try problems(site).map(\.summary)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("content/pages/b.md:1:1: this page has the same title as ") == true)
        #expect(found.first?.hasSuffix("content/pages/a.md: \u{201C}Same · Test Coordinator\u{201D}") == true)
    }

    @Test func thirdPartyScriptsFontsAndImagesAreErrors() throws {
        let head = try String(contentsOfFile: Repository.templates + "/partials/head.mustache", encoding: .utf8)
            + "<script src=\"https://cdn.example.net/tracker.js\"></script>\n"
        let site = try self.site(template: ("partials/head.mustache", head))
        defer { site.remove() }
        try site.write("@import url(\"https://fonts.example.net/css?family=Fancy\");\nbody { color: black; }\n",
                       to: "templates/assets/extra.css")
        let found = try problems(site).filter { $0.severity == .error }
        let lines = head.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(found.map(\.summary).contains(
            "templates/partials/head.mustache:\(lines):14: this page loads `https://cdn.example.net/tracker.js` from cdn.example.net, another website, which sees every visitor"))
        #expect(found.map(\.summary).contains("templates/assets/extra.css:1:9: this stylesheet loads `https://fonts.example.net/css?family=Fancy` from fonts.example.net, another website, which sees every visitor"))
    }

    @Test func pagesHeavierThanTheBudgetAreAWarning() throws {
        let site = try self.site(["site.yml": TestSite.minimalSiteYML + "\ncheck:\n  page_budget_kb: 5\n"])
        defer { site.remove() }
        let found = try problems(site).filter { $0.message.contains("budget") }
        #expect(!found.isEmpty)
        #expect(found.allSatisfy { $0.severity == .warning && $0.message.contains("more than the 5 KB budget") })
        #expect(found.contains { $0.location?.path == "content/index.md" })
    }

    @Test func aLongFAQIsNotHeldToThePageBudget() throws {
        let faq = (1...60).map { "## Question number \($0)?\n\n" + String(repeating: "An answer of some length. ", count: 40) }
        let site = try self.site(["faq.md": faq.joined(separator: "\n\n"), "site.yml": TestSite.minimalSiteYML + "\ncheck:\n  page_budget_kb: 10\n"])
        defer { site.remove() }
        let found = try problems(site).filter { $0.message.contains("budget") }
        #expect(!found.isEmpty, "other pages still have a budget")
        #expect(!found.contains { $0.location?.path == "content/faq.md" })
    }

    @Test func linksThatLeaveASubPathBaseURLAreErrors() throws {
        let footer = "<footer>\n<a href=\"/about/\">About</a>\n</footer>\n"
        let site = try self.site(["site.yml": TestSite.minimalSiteYML.replacingOccurrences(of: "https://example.com/", with: "https://example.github.io/portfolio/")],
                                 template: ("partials/footer.mustache", footer))
        defer { site.remove() }
        #expect(try problems(site).map(\.summary).contains(
            "templates/partials/footer.mustache:2:10: the link `/about/` leaves the site's address https://example.github.io/portfolio/"))
    }

    @Test func aContactFormThatFailsItsSpecFailsTheCheck() throws {
        let site = try self.site(["contact.md": "---\ntitle: Contact\n\(Self.described)form:\n  provider: formspree\n  fields:\n    - name: a\n      label: A\n---\nHi.\n"])
        defer { site.remove() }
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: site.options()).render() }
    }

    // MARK: Scaffolds

    @Test func newServicePageAndQuestionBuildAndPassTheCheckAsCreated() throws {
        let site = try TestSite.sample()
        defer { site.remove() }
        let service = Scaffold.service(title: "Consent: the basics #1", order: 6)
        try site.write(service.text, to: "content/" + service.path)
        let page = Scaffold.page(title: "Credits & thanks")
        try site.write(page.text, to: "content/" + page.path)
        let faq = try String(contentsOfFile: site.path("content/faq.md"), encoding: .utf8)
        let added = try Scaffold.addQuestion("Do you work on music videos?", group: "Hiring an intimacy coordinator", to: faq).get()
        let grouped = try Scaffold.addQuestion("Is there a fee for the first call?", group: "Fees", to: added.text).get()
        try site.write(grouped.text, to: "content/faq.md")
        // Their placeholders are flagged (for --strict); nothing else is.
        #expect(try problems(site).filter { !$0.message.hasPrefix("placeholder text") }.map(\.summary) == [])
        try site.buildOK()
        #expect(site.read("services/consent-the-basics-1/index.html")?.contains("<h1>Consent: the basics #1</h1>") == true)
        #expect(site.read("credits-thanks/index.html") != nil)
        let html = try #require(site.read("faq/index.html"))
        #expect(html.contains("id=\"do-you-work-on-music-videos\""))
        #expect(html.contains("id=\"fees\""))
    }

    @Test func aQuestionGoesAtTheEndOfItsGroup() throws {
        let faq = "---\ntitle: FAQ\n---\n# One\n\n## A?\n\nYes.\n\n# Two\n\n## B?\n\nNo.\n"
        let result = try Scaffold.addQuestion("C?", group: "one", to: faq).get()
        #expect(result.text == "---\ntitle: FAQ\n---\n# One\n\n## A?\n\nYes.\n\n## C?\n\nReplace this: write the answer here, in a few sentences or a list.\n\n# Two\n\n## B?\n\nNo.\n")
        #expect(result.line == 10)
    }

    @Test func aQuestionAlreadyAskedIsRefusedWithItsLine() {
        let faq = "---\ntitle: FAQ\n---\n## What does it cost?\n\nIt depends.\n"
        #expect(throws: Scaffold.FAQProblem.alreadyAsked(line: 4)) { try Scaffold.addQuestion("What does it cost", group: nil, to: faq).get() }
    }
}

@Suite struct SiteCheckerLinkTests {
    @Test func otherSchemesAndEncodedApostrophesAreNotBrokenLinks() throws {
        let described = "description: A page description that is long enough for search engines to show it.\n"
        let site = try TestSite([
            "index.md": "---\ntitle: Home\n\(described)---\n[Text me](sms:+441234567890) or see [my CV](</media/Jane's CV.txt>).\n",
            "media/Jane's CV.txt": "CV",
        ])
        defer { site.remove() }
        #expect(try site.checkProblems().map(\.message) == [])
    }
}
