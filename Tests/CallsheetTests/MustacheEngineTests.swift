import Testing
@testable import Callsheet

/// What a theme author relies on from Callsheet's Mustache engine: values, escaping, names, sections,
/// comments, delimiters and standalone lines. Partials, inheritance, transforms and errors are in the
/// extensions beside this file.
@Suite struct MustacheEngineTests {
    func render(_ template: String, _ data: String = "{}", partials: [String: String] = [:]) throws -> String {
        try MustacheHarness.render(template, data, partials: partials)
    }

    // MARK: Values and escaping

    @Test func plainTagsEscapeTheFiveCharactersHTMLGivesMeaningTo() throws {
        let data = #"{"title": "Fish & Chips <b>\"Tom's\"</b>"}"#
        #expect(try render("<h1 title=\"{{title}}\">{{title}}</h1>", data)
            == "<h1 title=\"Fish &amp; Chips &lt;b&gt;&quot;Tom&#39;s&quot;&lt;/b&gt;\">Fish &amp; Chips &lt;b&gt;&quot;Tom&#39;s&quot;&lt;/b&gt;</h1>")
    }

    @Test func aQuoteJoinedToACombiningAccentIsStillEscaped() throws {
        // `"` + U+0301 is one Character; escaping must see the quote inside it, or it ends the attribute.
        #expect(try render("<a title=\"{{t}}\">", #"{"t": "x\"\u0301 onmouseover=alert(1)"}"#)
            == "<a title=\"x&quot;\u{301} onmouseover=alert(1)\">")
        #expect(try render("{{t}}", #"{"t": "<\u0338script>'\u0300"}"#) == "&lt;\u{338}script&gt;&#39;\u{300}")
    }

    @Test func tripleAndAmpersandTagsWriteTheValueAsItIs() throws {
        let data = #"{"body": "<p>A &amp; B</p>"}"#
        #expect(try render("{{{body}}}|{{&body}}|{{& body }}|{{{ body }}}", data)
            == "<p>A &amp; B</p>|<p>A &amp; B</p>|<p>A &amp; B</p>|<p>A &amp; B</p>")
    }

    @Test func numbersAndFlagsAreWrittenAsTextAndListsAndGroupsAsNothing() throws {
        let data = #"{"year": 2026, "price": 12.5, "yes": true, "no": false, "tags": ["a"], "owner": {"name": "Ana"}}"#
        #expect(try render("{{year}} {{price}} {{yes}} {{no}} [{{tags}}] [{{owner}}]", data) == "2026 12.5 true false [] []")
    }

    @Test func aMissingNameWritesNothingAndSpacesInsideTagsDoNotMatter() throws {
        #expect(try render("<{{missing}}>< {{ name }} >", #"{"name": "Ana"}"#) == "<>< Ana >")
    }

    // MARK: Names

    @Test func dottedNamesReachIntoGroups() throws {
        let data = #"{"site": {"owner": {"name": "Ana Ruiz", "links": [{"url": "/x"}]}}}"#
        #expect(try render("{{site.owner.name}}|{{#site.owner}}{{name}}{{/site.owner}}|{{#site.owner.links}}{{url}}{{/site.owner.links}}", data)
            == "Ana Ruiz|Ana Ruiz|/x")
    }

    @Test func aBrokenChainGivesNothingEvenWhenAnOuterGroupHasTheRest() throws {
        // `page.author` exists without a `name`; the top-level `name` must not be borrowed.
        let data = #"{"name": "Site owner", "page": {"author": {"role": "Editor"}}}"#
        #expect(try render("[{{page.author.name}}][{{page.nobody.name}}][{{name.first}}]", data) == "[][][]")
        #expect(try render("{{#page}}[{{author.name}}]{{/page}}", data) == "[]")
    }

    @Test func aDottedNameStartsFromTheNearestGroupThatHasItsFirstKey() throws {
        let data = #"{"page": {"title": "Outer"}, "items": [{"page": {"title": "Inner"}}, {"other": 1}]}"#
        #expect(try render("{{#items}}{{page.title}};{{/items}}", data) == "Inner;Outer;")
    }

    @Test func dotIsTheCurrentItemAndDotKeyLooksOnlyThere() throws {
        let data = #"{"tags": ["film", "stage"], "summary": "site", "items": [{"title": "A"}, {"title": "B", "summary": "own"}]}"#
        #expect(try render("{{#tags}}<{{.}}>{{/tags}}", data) == "<film><stage>")
        #expect(try render("{{#items}}{{title}}:{{summary}};{{/items}}", data) == "A:site;B:own;")
        #expect(try render("{{#items}}{{title}}:{{.summary}};{{/items}}", data) == "A:;B:own;")
        #expect(try render("{{#items}}{{#.summary}}[{{.}}]{{/.summary}}{{/items}}", data) == "[own]")
        #expect(try render("{{#items}}{{^.summary}}({{title}}){{/.summary}}{{/items}}", data) == "(A)")
    }

    @Test func dotAtTheTopIsTheWholeDataAndDotKeyReadsItsKeys() throws {
        #expect(try render("{{.title}}|{{#.}}{{title}}{{/.}}", #"{"title": "T"}"#) == "T|T")
    }

    // MARK: Sections

    @Test func aSectionOverAListRendersOnceAnItemWithTheItemOnTop() throws {
        let data = #"{"services": [{"title": "Dubbing", "url": "/d/"}, {"title": "Voice <over>", "url": "/v/"}]}"#
        #expect(try render("<ul>{{#services}}<li><a href=\"{{url}}\">{{title}}</a></li>{{/services}}</ul>", data)
            == "<ul><li><a href=\"/d/\">Dubbing</a></li><li><a href=\"/v/\">Voice &lt;over&gt;</a></li></ul>")
    }

    @Test func aSectionOverAGroupRendersOnceWithTheGroupOnTop() throws {
        #expect(try render("{{#photo}}<img src=\"{{src}}\" alt=\"{{alt}}\">{{/photo}}", #"{"photo": {"src": "/a.jpg", "alt": "Me"}}"#)
            == "<img src=\"/a.jpg\" alt=\"Me\">")
    }

    @Test func truthAndFalsehood() throws {
        let data = #"{"yes": true, "no": false, "none": [], "empty": "", "zero": 0, "group": {}, "text": "x"}"#
        let template = "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#none}}L{{/none}}{{#missing}}M{{/missing}}"
            + "{{#empty}}E{{/empty}}{{#zero}}0{{/zero}}{{#group}}G{{/group}}{{#text}}T{{/text}}"
        #expect(try render(template, data) == "YE0GT")
    }

    @Test func aTrueSectionKeepsTheContextItWasIn() throws {
        #expect(try render("{{#page}}{{#page_flag}}{{title}}{{/page_flag}}{{/page}}", #"{"page": {"title": "T", "page_flag": true}}"#) == "T")
    }

    @Test func invertedSectionsRenderWhenTheValueIsFalseEmptyOrMissing() throws {
        let data = #"{"no": false, "none": [], "some": [1], "yes": true, "text": ""}"#
        let template = "{{^no}}a{{/no}}{{^none}}b{{/none}}{{^missing}}c{{/missing}}{{^some}}d{{/some}}{{^yes}}e{{/yes}}{{^text}}f{{/text}}"
        #expect(try render(template, data) == "abc")
    }

    @Test func aSectionAndItsInverseWriteEitherOrNeverBoth() throws {
        let template = "{{#posts}}<li>{{title}}</li>{{/posts}}{{^posts}}<p>No news yet.</p>{{/posts}}"
        #expect(try render(template, #"{"posts": [{"title": "One"}]}"#) == "<li>One</li>")
        #expect(try render(template, "{}") == "<p>No news yet.</p>")
    }

    @Test func nestedSectionsClimbToOuterItemsForNamesTheInnerOnesLack() throws {
        let data = #"""
            {"site": "Site", "groups": [{"kind": "Film", "credits": [{"title": "A"}, {"title": "B", "kind": "Cameo"}]},
                                        {"kind": "TV", "credits": [{"title": "C"}]}]}
            """#
        #expect(try render("{{#groups}}{{#credits}}{{title}}/{{kind}}/{{site}} {{/credits}}{{/groups}}", data)
            == "A/Film/Site B/Cameo/Site C/TV/Site ")
    }

    @Test func theSameListNestedInItselfRepeatsEveryItemForEveryItem() throws {
        #expect(try render("{{#n}}{{#n}}{{.}}{{/n}}|{{/n}}", #"{"n": [1, 2]}"#) == "12|12|")
    }

    @Test func aListOfListsIsWalkedWithDot() throws {
        #expect(try render("{{#rows}}[{{#.}}{{.}},{{/.}}]{{/rows}}", #"{"rows": [[1, 2], [3]]}"#) == "[1,2,][3,]")
    }

    // MARK: Comments

    @Test func commentsWriteNothingEvenAcrossLines() throws {
        #expect(try render("a{{! a note }}b{{!\n  several\n  lines {{ braces }\n}}c", "{}") == "abc")
    }

    @Test func aCommentAloneOnItsLineTakesTheLineWithIt() throws {
        #expect(try render("<p>\n  {{! what follows is the lead }}\n  lead\n{{!\nmulti\n}}\n</p>\n") == "<p>\n  lead\n</p>\n")
    }

    // MARK: Delimiters

    @Test func newDelimitersApplyUntilChangedBack() throws {
        let data = #"{"name": "Ana"}"#
        #expect(try render("{{=<% %>=}}<% name %> {{name}} <%={{ }}=%>{{name}}", data) == "Ana {{name}} Ana")
        #expect(try render("{{=[[ ]]=}}[[#list]][[.]][[/list]] [[{name}]] [[&name]] [[! hidden ]]", #"{"list": [1, 2], "name": "<b>"}"#)
            == "12 <b> <b> ")
    }

    @Test func partialsAndSectionsWorkWithNewDelimitersAndPartialsKeepTheirOwn() throws {
        let partials = ["card": "<b>{{name}}</b>"]
        #expect(try render("{{=| |=}}|#people||>card|, |/people|", #"{"people": [{"name": "A"}, {"name": "B"}]}"#, partials: partials)
            == "<b>A</b>, <b>B</b>, ")
    }

    @Test func aDelimiterChangeAloneOnItsLineLeavesNoLine() throws {
        #expect(try render("a\n  {{=<< >>=}}\n<<x>>\n<<={{ }}=>>\n{{x}}\n", #"{"x": 1}"#) == "a\n1\n1\n")
    }

    @Test func delimitersMayBeUnicodeAndLong() throws {
        #expect(try render("{{=«« »»=}}««#a»»«« b »»««/a»»", #"{"a": {"b": "é"}}"#) == "é")
        #expect(try render("{{=<!--{ }-->=}}<p><!--{ t }--></p>", #"{"t": "x"}"#) == "<p>x</p>")
    }

    // MARK: Standalone lines

    @Test func sectionTagsAloneOnTheirLinesLeaveNoLines() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n</ul>\n"
        #expect(try render(template, #"{"items": ["a", "b"]}"#) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        #expect(try render(template, "{}") == "<ul>\n</ul>\n")
    }

    @Test func standaloneLinesEndedWithCRLFGoWholeAndOtherLinesKeepCRLF() throws {
        #expect(try render("a\r\n{{#t}}\r\nb\r\n{{/t}}\r\nc\r\n", #"{"t": true}"#) == "a\r\nb\r\nc\r\n")
    }

    @Test func standaloneTagsAtTheStartAndEndOfTheTemplate() throws {
        #expect(try render("{{#t}}\nyes\n{{/t}}", #"{"t": true}"#) == "yes\n")
        #expect(try render("  {{^t}}\nno\n  {{/t}}  ", #"{"t": false}"#) == "no\n")
        #expect(try render("{{! first line }}\nbody\n{{! last line, no newline }}") == "body\n")
    }

    @Test func aTagBesideTextOrAValueIsNotStandalone() throws {
        #expect(try render("  {{#t}}x{{/t}}\n", #"{"t": true}"#) == "  x\n")
        #expect(try render("{{#t}} {{v}}\n{{/t}}\n", #"{"t": true, "v": 1}"#) == " 1\n")
        #expect(try render("- {{#t}}\n{{/t}}", #"{"t": false}"#) == "- ")
    }

    @Test func twoSectionTagsOnOneLineStandTogether() throws {
        #expect(try render("<p>\n{{#a}}{{#b}}\nboth\n{{/b}}{{/a}}\n</p>", #"{"a": true, "b": true}"#) == "<p>\nboth\n</p>")
    }

    @Test func tabsCountAsIndentationOfAStandaloneLine() throws {
        #expect(try render("x\n\t {{#t}}\t\ny\n\t{{/t}}\n", #"{"t": true}"#) == "x\ny\n")
    }
}
