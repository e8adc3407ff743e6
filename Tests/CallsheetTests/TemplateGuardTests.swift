import Foundation
import Testing
@testable import Callsheet

/// Templates that would render forever or for ages stop with an error naming the template.
@Suite struct TemplateGuardTests {
    /// A site built with the default templates, `overrides` replacing some of them.
    func site(_ overrides: [String: String], pages: Int = 1) throws -> TestSite {
        var files = ["pages/about-us.md": "---\ntitle: About us\nupdated: 2026-01-02\n---\nHello.\n"]
        for index in 1..<max(1, pages) { files["pages/p\(index).md"] = "---\ntitle: P\(index)\n---\nText.\n" }
        let site = try TestSite(files)
        for (path, text) in overrides { try site.write(text, to: "templates/" + path) }
        return site
    }

    @Test func aLoopWrittenWithOtherDelimitersIsFoundBeforeRendering() throws {
        let site = try site(["partials/nav.mustache": "<nav>\n{{=<% %>=}}<%> partials/nav %>\n</nav>\n"])
        defer { site.remove() }
        let errors = site.errors()
        #expect(errors.map(\.summary) == ["templates/partials/nav.mustache:2:12: templates include each other in a loop: partials/nav -> partials/nav"])
    }

    @Test func aDynamicPartialThatLeadsBackStopsWithAnErrorNamingTheTemplate() throws {
        let site = try site(["page.mustache": "<p>{{>*page.kind}}</p>\n"])
        defer { site.remove() }
        let start = ContinuousClock.now
        let errors = site.errors()
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(errors.contains { $0.location?.path == "templates/page.mustache" && $0.message.contains("goes too deep") },
                "\(errors.map(\.summary))")
    }

    @Test func sectionsNestedOverAListStopWithAnErrorNamingPageAndTemplate() throws {
        let nested = String(repeating: "{{#site.footer_pages}}", count: 10) + "x" + String(repeating: "{{/site.footer_pages}}", count: 10)
        // Only the page with `updated` renders the nest, so one page spends the budget.
        let site = try site(["page.mustache": "<p>{{#page.updated}}\(nested){{/page.updated}}</p>\n"], pages: 5)
        defer { site.remove() }
        let start = ContinuousClock.now
        let errors = site.errors()
        #expect(ContinuousClock.now - start < .seconds(30))
        #expect(errors.count == 1)
        #expect(errors.map(\.summary).allSatisfy {
            $0.hasPrefix("templates/page.mustache:1:1: rendering ") && $0.contains("content/pages/about-us.md with `page.mustache` takes more work")
        }, "\(errors.map(\.summary))")
    }
}
