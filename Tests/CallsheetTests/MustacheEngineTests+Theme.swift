import Testing
@testable import Callsheet

/// Whole pages of the built-in theme, loaded and rendered the way a build does (`TemplateSet`), and the
/// problems `TemplateSet` finds in a theme before any page renders.
extension MustacheEngineTests {
    /// The repository's theme with `overrides` laid over it, loaded as a build loads a site's templates.
    func theme(_ overrides: [String: String] = [:]) throws -> (TemplateSet?, [String]) {
        let tree = try #require(SourceTree.scan(Repository.templates).0)
        let files = Set(tree.files).union(overrides.keys).sorted()
        let (set, diagnostics) = TemplateSet.load(files: files, displayPath: { "templates/" + $0 }) { file in
            if let text = overrides[file] { return .success(text) }
            return tree.readText(file)
        }
        return (set, diagnostics.map { "\($0.location?.description ?? "-"): \($0.message)" })
    }

    func page(_ kind: PageKind, _ extra: String = "", overrides: [String: String] = [:]) throws -> String {
        let data = #"""
            {"site": {"title": "Site", "language": "en", "stylesheet": "/assets/style.css", "urls": {"home": "/"},
                      "nav": [{"title": "About", "url": "/about/", "current": true}, {"title": "FAQ", "url": "/faq/", "current": false}],
                      "footer_pages": [{"title": "Privacy", "url": "/privacy/"}]},
             "page": {"title": "About", "head_title": "About · Site", "canonical": "https://x.test/about/", "og_type": "article",
                      "content": "<p>One</p>\n<p>Two</p>\n"},
             "strings": {"skip_to_content": "Skip", "nav_main_label": "Main"}
            """# + extra + "}"
        let templates = try #require(try theme(overrides).0)
        return try #require(try templates.renderWatched(kind, context: MustacheHarness.value(data)).get())
    }

    @Test func aPageOfTheBuiltInThemeHasItsFrameHeadMainAndFooterInPlace() throws {
        let html = try page(.page)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<title>About · Site</title>\n<link rel=\"canonical\" href=\"https://x.test/about/\">\n"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/assets/style.css\">\n</head>\n<body>\n<a class=\"skip-link\" href=\"#main\">Skip</a>\n<header"))
        #expect(html.contains("        <li><a href=\"/about/\" aria-current=\"page\">About</a></li>\n        <li><a href=\"/faq/\">FAQ</a></li>\n      </ul>\n"))
        #expect(html.contains("<main id=\"main\"><div class=\"wrap\">\n  <h1>About</h1>\n  <div class=\"prose\">\n    <p>One</p>\n<p>Two</p>\n\n  </div>\n</div>\n</main>\n<footer"))
        #expect(html.contains("      <ul>\n        <li><a href=\"/privacy/\">Privacy</a></li>\n      </ul>\n"))
        #expect(html.hasSuffix("</footer>\n</body>\n</html>\n"))
        #expect(!html.contains("\n\n\n") && !html.contains(" \n"))
    }

    @Test func aServicePageWritesItsOtherServicesOnlyWhenThereAreAny() throws {
        let others = #", "other_services": [{"title": "Casting", "url": "/services/casting/"}]"#
        let html = try page(.service, others)
        #expect(html.contains("""
                <div class="aside">
                  <nav class="related" aria-labelledby="other-services-heading">
                    <h2 id="other-services-heading"></h2>
                    <ul>
                      <li><a href="/services/casting/">Casting</a></li>
                    </ul>
                  </nav>
                </div>
            """))
        #expect(try page(.service).contains("    <div class=\"aside\">\n    </div>\n"))
    }

    @Test func aUsersPageTemplateFillsTheHeadBlockAndMain() throws {
        let template = "{{<layout}}\n{{$head}}\n<link rel=\"stylesheet\" href=\"/x.css\">\n{{/head}}\n{{$main}}\n  <p>{{page.title}}</p>\n{{/main}}\n{{/layout}}\n"
        let html = try page(.page, overrides: ["page.mustache": template])
        #expect(html.contains("href=\"/assets/style.css\">\n<link rel=\"stylesheet\" href=\"/x.css\">\n</head>\n"))
        #expect(html.contains("<main id=\"main\">  <p>About</p>\n</main>"))
    }

    @Test func aThemesMissingPartialsLoopsAndSyntaxErrorsAreFoundAtTheirTags() throws {
        let (set, errors) = try theme([
            "page.mustache": "{{<layout}}\n{{$main}}\n  {{>partials/sidebar}}\n{{/main}}\n{{/layout}}\n",
            "partials/a.mustache": "a\n {{>partials/b}}\n",
            "partials/b.mustache": "{{=[ ]=}}[>partials/a]\n",
            "about.mustache": "{{<layout}}\n{{$main}}\n{{#page}}\n{{/main}}\n{{/layout}}\n",
        ])
        #expect(set == nil)
        #expect(errors.sorted() == [
            "templates/about.mustache:4:1: this tag closes `main`, but the section open here is `page`, opened at line 3",
            "templates/page.mustache:3:3: the partial `partials/sidebar` does not exist",
            "templates/partials/b.mustache:1:10: templates include each other in a loop: partials/a -> partials/b -> partials/a",
        ])
    }
}
