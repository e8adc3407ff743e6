import Testing
@testable import Callsheet

/// Mistakes in template text: each one's message and the line and column it is reported at.
extension MustacheEngineTests {
    func error(_ template: String) -> String? { MustacheHarness.error(template) }

    @Test func anUnfinishedTagIsReportedWhereItStarts() {
        #expect(error("<p>\n  {{page.title</p>\n") == "2:3: this tag is not finished; it needs a closing `}}`")
        #expect(error("x {{{page.content}}") == "1:3: this tag is not finished; it needs a closing `}}}`")
        #expect(error("{{=<% %>=}}\n<% name") == "2:1: this tag is not finished; it needs a closing `%>`")
        #expect(error("{{! a comment that never ends") == "1:1: this tag is not finished; it needs a closing `}}`")
    }

    @Test func aSectionNeverClosedIsReportedWhereItOpens() {
        #expect(error("<ul>\n  {{#items}}\n  <li>{{.}}</li>\n</ul>\n") == "2:3: the section `items` opened here is never closed")
        #expect(error("{{<layout}}\n{{$main}}\nx\n{{/main}}\n") == "1:1: the section `layout` opened here is never closed")
    }

    @Test func aClosingTagForAnotherSectionNamesBoth() {
        #expect(error("{{#a}}\n  {{#b}}\n  {{/a}}\n{{/b}}")
            == "3:3: this tag closes `a`, but the section open here is `b`, opened at line 2")
        guard case .failure(let found) = TemplateParser.parse("{{#a}}{{/b}}") else { Issue.record("parsed"); return }
        #expect(found.hint == "close `a` first with {{/a}}")
    }

    @Test func aClosingTagWithNothingOpenIsAnError() {
        #expect(error("text {{/items}}") == "1:6: this closing tag `items` closes no section")
        #expect(error("{{#a}}{{/a}}{{/a}}") == "1:13: this closing tag `a` closes no section")
    }

    @Test func malformedSetDelimiterTags() {
        let message = "this set-delimiter tag is malformed"
        #expect(error("{{=<% =}}") == "1:1: " + message)
        #expect(error("a\n {{=<% %>}}") == "2:2: " + message)
        #expect(error("{{=<= =>=}}") == "1:1: " + message)
        #expect(error("{{=a b c=}}") == "1:1: " + message)
        #expect(error("{{==}}") == "1:1: " + message)
    }

    @Test func pragmasAreNotSupported() {
        #expect(error("x{{%ANCHORED-DOT}}") == "1:2: pragma tags (`{{% ... }}`) are not supported")
    }

    @Test func namesWithSpacesOrNothingInThem() {
        #expect(error("<p>{{first name}}</p>") == "1:4: `first name` is not a name a tag can look up")
        #expect(error("{{#page title}}{{/page title}}") == "1:1: `page title` is not a name a tag can look up")
        // A tag whose `}}` lost a brace runs on to the next tag's: said so, with the name as it was meant.
        #expect(error("<h1>{{page.title}</h1>\n  {{#service.summary}}x{{/service.summary}}") == "1:5: the tag `page.title` is not closed with `}}`")
        #expect(error("<h1>{{page.title</h1>\n{{x}}") == "1:5: the tag `page.title` is not closed with `}}`")
        #expect(error("a {{}}") == "1:3: this tag names nothing")
        #expect(error("{{#}}{{/}}") == "1:1: this tag names nothing")
        #expect(error("{{> my partial}}") == "1:1: this tag needs the name of a template, without spaces")
        #expect(error("{{>}}") == "1:1: this tag needs the name of a template, without spaces")
        #expect(error("{{>*}}") == "1:1: `*` does not name a value")
    }

    @Test func onlyBlocksMayStandInsideAParent() {
        let message = "only `{{$block}}` sections may appear inside `{{<layout}}`"
        #expect(error("{{<layout}}\n  {{page.title}}\n{{/layout}}") == "2:3: " + message)
        #expect(error("{{<layout}}{{$main}}{{/main}}{{#a}}{{/a}}{{/layout}}") == "1:30: " + message)
        #expect(error("{{<layout}}{{>head}}{{/layout}}") == "1:12: " + message)
        #expect(error("{{<layout}}{{$main}}{{page.title}}{{/main}}{{/layout}}") == nil)
    }

    @Test func aBlockCannotTakeATransform() {
        #expect(error("{{<layout}}\n{{$first(main)}}x{{/first(main)}}\n{{/layout}}") == "2:1: a transform cannot be applied to a block")
    }

    @Test func sectionsNestedOverTheLimitAreReportedAtTheFirstTooDeep() {
        let limit = TemplateParser.nestingLimit
        func nested(_ depth: Int) -> String {
            String(repeating: "{{#a}}", count: depth) + "x" + String(repeating: "{{/a}}", count: depth)
        }
        #expect(error(nested(limit)) == nil)
        #expect(error(nested(limit + 1)) == "1:\(limit * 6 + 1): sections are nested more than \(limit) deep here")
        #expect(error(String(repeating: "{{#a}}\n", count: limit + 1)) == "\(limit + 1):1: sections are nested more than \(limit) deep here")
    }

    @Test func columnsCountCharactersAndLinesCountCommentsAndTags() {
        #expect(error("é ü {{/x}}") == "1:5: this closing tag `x` closes no section")
        #expect(error("{{!\n\n}} {{/x}}") == "3:4: this closing tag `x` closes no section")
        #expect(error("a\r\nb {{/x}}") == "2:3: this closing tag `x` closes no section")
    }
}
