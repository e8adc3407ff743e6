import Testing
@testable import Callsheet

@Suite struct SiteConfigTests {
    func errors(_ yaml: String) -> [String] {
        SiteConfig.parse(yaml, path: "content/site.yml").1.filter { $0.severity == .error }.map(\.summary)
    }

    @Test(arguments: [
        ("https://example.com", "https://example.com/", "/"),
        ("https://Example.github.io/portfolio", "https://example.github.io/portfolio/", "/portfolio/"),
        ("http://localhost:8000/a/b/", "http://localhost:8000/a/b/", "/a/b/"),
    ])
    func baseURLsAlwaysEndInASlash(text: String, absolute: String, root: String) throws {
        let url = try #require(BaseURL(text))
        #expect(url.absolute == absolute)
        #expect(url.root == root)
    }

    @Test(arguments: ["example.com", "/portfolio/", "ftp://example.com/", "https://", "https://example.com/?a=1", "javascript:alert(1)"])
    func baseURLsMustBeAbsoluteHTTP(text: String) {
        #expect(BaseURL(text) == nil)
        #expect(errors("title: T\nbase_url: '\(text)'\n") == [
            "content/site.yml:2:11: `base_url` must be an absolute http or https address, such as https://example.com/",
        ])
    }

    @Test func ownerLinksMustBeWebAddresses() {
        let yaml = "title: T\nbase_url: https://e.com/\nowner:\n  links:\n    - label: Bad\n      url: javascript:alert(1)\n"
        #expect(errors(yaml) == ["content/site.yml:6:12: a link's `url` must be a full address starting with https://"])
    }

    @Test func missingTitleAndBaseURLAreBothReported() {
        #expect(errors("tagline: Hello\n") == ["content/site.yml:1:1: missing `title`", "content/site.yml:1:1: missing `base_url`"])
    }

    @Test func languageMustBeATag() {
        #expect(errors("title: T\nbase_url: https://e.com/\nlanguage: English (UK)\n") == [
            "content/site.yml:3:11: `language` must be a language tag such as `en` or `en-GB`",
        ])
    }

    @Test func unknownKeysAreWarningsWithSuggestions() {
        let warnings = SiteConfig.parse("title: T\nbase_url: https://e.com/\ntagine: x\n", path: "site.yml").1
        #expect(warnings.map(\.severity) == [.warning])
        #expect(warnings.first?.hint == "did you mean `tagline`?")
    }
}

@Suite struct InputArithmeticTests {
    @Test func aHugePageBudgetIsAnErrorNotAnOverflow() {
        let yaml = TestSite.minimalSiteYML + "\ncheck:\n  page_budget_kb: 9223372036854775807\n"
        let errors = SiteConfig.parse(yaml, path: "content/site.yml").1.filter { $0.severity == .error }.map(\.summary)
        #expect(errors == ["content/site.yml:8:19: `page_budget_kb` must be a whole number from 1 to 1000000"])
    }

    @Test func aVeryLongMistypedAnchorIsCheckedQuickly() {
        let ids = Set((0..<2_000).map { "question-number-\($0)-about-something-long" })
        let start = ContinuousClock.now
        #expect(FieldReader.nearest(to: String(repeating: "x", count: 20_000), in: ids) == nil)
        #expect(FieldReader.nearest(to: "question-number-7-about-somethin-long", in: ids) == "question-number-7-about-something-long")
        #expect(ContinuousClock.now - start < .seconds(5))
    }
}
