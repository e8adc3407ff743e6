import Testing
@testable import Callsheet

/// Partials, dynamic partials, and inheritance: parents, blocks and how their lines are indented.
extension MustacheEngineTests {
    // MARK: Partials

    @Test func aPartialRendersWithTheDataWhereItIsIncluded() throws {
        let partials = ["card": "<b>{{name}}</b>{{site}}"]
        #expect(try render("{{#people}}{{>card}}{{/people}}|{{> card }}", #"{"site": ".", "name": "top", "people": [{"name": "A"}]}"#,
                           partials: partials) == "<b>A</b>.|<b>top</b>.")
    }

    @Test func aPartialThatIsNotThereRendersNothing() throws {
        #expect(try render("a{{>nowhere}}b\n  {{>nowhere}}\nc") == "ab\nc")
    }

    @Test func aPartialAloneOnAnIndentedLineIndentsEachOfItsLines() throws {
        let partials = ["items": "<li>a</li>\n<li>b</li>\n"]
        #expect(try render("<ul>\n  {{>items}}\n</ul>\n", partials: partials) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func nestedPartialsAddTheirIndentations() throws {
        let partials = ["mid": "<section>\n\t{{>leaf}}\n</section>\n", "leaf": "<p>\n  x\n</p>\n"]
        #expect(try render("<div>\n  {{>mid}}\n</div>\n", partials: partials)
            == "<div>\n  <section>\n  \t<p>\n  \t  x\n  \t</p>\n  </section>\n</div>\n")
    }

    @Test func valuesWithLineBreaksAreNotIndentedInsideThem() throws {
        let data = #"{"code": "a\n  b\nc"}"#
        #expect(try render("<div>\n  {{>pre}}\n</div>", data, partials: ["pre": "<pre>{{{code}}}</pre>\n"]) == "<div>\n  <pre>a\n  b\nc</pre>\n</div>")
        #expect(try render("<div>\n  {{>raw}}\n</div>", data, partials: ["raw": "{{{code}}}\n"]) == "<div>\n  a\n  b\nc\n</div>")
    }

    @Test func emptyLinesOfAnIndentedPartialGetNoTrailingSpaces() throws {
        #expect(try render("  {{>p}}\n", partials: ["p": "<p>\n\nx\r\n\r\n</p>\n"]) == "  <p>\n\n  x\r\n\r\n  </p>\n")
    }

    @Test func aPartialBesideTextIsInsertedAsItIsWithoutIndentation() throws {
        #expect(try render("  <p>{{>two}}</p>\n", partials: ["two": "a\nb"]) == "  <p>a\nb</p>\n")
    }

    @Test func aPartialAtTheStartOfALineInsideAnIndentedSectionKeepsItsOwnIndentation() throws {
        // The built-in theme's way: the partial's own text carries the indentation it needs.
        let template = "<ul>\n  {{#items}}\n{{>row}}\n  {{/items}}\n</ul>\n"
        #expect(try render(template, #"{"items": ["a", "b"]}"#, partials: ["row": "  <li>{{.}}</li>\n"]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }

    @Test func aDynamicPartialIsTheTemplateAValueNames() throws {
        let partials = ["kinds/film": "Film: {{title}}", "kinds/stage": "Stage: {{title}}\n"]
        let data = #"{"credits": [{"kind": "kinds/film", "title": "A"}, {"kind": "kinds/stage", "title": "B"}, {"kind": "kinds/none", "title": "C"}, {"title": "D"}]}"#
        #expect(try render("{{#credits}}[{{>*kind}}]{{/credits}}", data, partials: partials) == "[Film: A][Stage: B\n][][]")
        #expect(try render("{{>*page.kind}}", #"{"page": {"kind": "kinds/film", "title": "T"}}"#, partials: partials) == "Film: ")
        #expect(try render("<{{>*count}}>", #"{"count": 3}"#, partials: ["3": "three"]) == "<>")
    }

    @Test func aDynamicPartialAloneOnAnIndentedLineIsIndentedToo() throws {
        #expect(try render("<ul>\n    {{>* row }}\n</ul>\n", #"{"row": "r"}"#, partials: ["r": "<li>1</li>\n<li>2</li>\n"])
            == "<ul>\n    <li>1</li>\n    <li>2</li>\n</ul>\n")
    }

    @Test func aPartialCanWalkATreeThroughTheData() throws {
        let partials = ["node": "{{name}}{{#.children}}({{>node}}){{/.children}}"]
        let data = #"{"name": "root", "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b"}]}"#
        #expect(try render("{{>node}}", data, partials: partials) == "root(a(a1))(b)")
    }

    // MARK: Parents and blocks

    @Test func aParentWithNothingFilledRendersItsBlocksDefaults() throws {
        let partials = ["layout": "<title>{{$title}}Untitled{{/title}}</title>"]
        #expect(try render("{{<layout}}{{/layout}}", partials: partials) == "<title>Untitled</title>")
        #expect(try render("{{<layout}}{{$title}}Home · {{site}}{{/title}}{{/layout}}", #"{"site": "S"}"#, partials: partials)
            == "<title>Home · S</title>")
    }

    @Test func textAndCommentsInAParentsBodyAreIgnored() throws {
        let partials = ["layout": "[{{$a}}{{/a}}]"]
        #expect(try render("{{<layout}}\nignored\n{{! note }}{{$a}}A{{/a}} and this{{/layout}}", partials: partials) == "[A]")
    }

    @Test func blocksFilledNearerThePageWinAtEveryLevel() throws {
        let partials = ["base": "[{{$a}}a0{{/a}}|{{$b}}b0{{/b}}|{{$c}}c0{{/c}}]",
                        "middle": "{{<base}}{{$a}}a1{{/a}}{{$b}}b1{{/b}}{{/base}}"]
        #expect(try render("{{<middle}}{{$b}}b2{{/b}}{{/middle}}", partials: partials) == "[a1|b2|c0]")
        #expect(try render("{{<middle}}{{/middle}}", partials: partials) == "[a1|b1|c0]")
    }

    @Test func aFilledBlockMayHoldABlockTheNextLevelFills() throws {
        let partials = ["base": "[{{$a}}a0{{/a}}]", "middle": "{{<base}}{{$a}}<{{$inner}}i1{{/inner}}>{{/a}}{{/base}}"]
        #expect(try render("{{<middle}}{{$inner}}i2{{/inner}}{{/middle}}", partials: partials) == "[<i2>]")
        #expect(try render("{{<middle}}{{/middle}}", partials: partials) == "[<i1>]")
    }

    @Test func aBlocksContentSeesTheDataWhereTheBlockStands() throws {
        let data = #"{"label": "outer", "meta": {"label": "inner"}, "items": [{"name": "A"}, {"name": "B"}]}"#
        #expect(try render("{{<p}}{{$b}}{{label}}{{/b}}{{/p}}", data, partials: ["p": "{{#meta}}[{{$b}}{{/b}}]{{/meta}}"]) == "[inner]")
        #expect(try render("{{#items}}{{<row}}{{$cell}}{{name}}{{/cell}}{{/row}}{{/items}}", data, partials: ["row": "<td>{{$cell}}{{/cell}}</td>"])
            == "<td>A</td><td>B</td>")
    }

    @Test func aParentIncludedAsAPartialRendersItsDefaults() throws {
        #expect(try render("{{>layout}}", partials: ["layout": "<h1>{{$title}}Untitled{{/title}}</h1>"]) == "<h1>Untitled</h1>")
    }

    @Test func twoUsesOfOneParentKeepTheirOwnFillings() throws {
        #expect(try render("{{<box}}{{$c}}1{{/c}}{{/box}}{{<box}}{{/box}}{{<box}}{{$c}}3{{/c}}{{/box}}", partials: ["box": "({{$c}}-{{/c}})"]) == "(1)(-)(3)")
    }

    @Test func aBlockFilledByTheParentsBodyIsSeenInThePartialsTheParentIncludes() throws {
        let partials = ["layout": "<html>{{>head}}</html>", "head": "<head>{{$head}}{{/head}}</head>"]
        #expect(try render("{{<layout}}{{$head}}<style>{{/head}}{{/layout}}", partials: partials) == "<html><head><style></head></html>")
    }

    @Test func aStandaloneBlocksContentTakesTheIndentationOfThePlaceItFills() throws {
        let partials = ["layout": "<body>\n  {{$main}}\n  <p>default</p>\n  {{/main}}\n</body>\n"]
        #expect(try render("{{<layout}}\n{{$main}}\n<h1>T</h1>\n<p>x</p>\n{{/main}}\n{{/layout}}\n", partials: partials)
            == "<body>\n  <h1>T</h1>\n  <p>x</p>\n</body>\n")
        #expect(try render("{{<layout}}\n    {{$main}}\n    <h1>T</h1>\n      <p>x</p>\n    {{/main}}\n{{/layout}}\n", partials: partials)
            == "<body>\n  <h1>T</h1>\n    <p>x</p>\n</body>\n")
        #expect(try render("{{<layout}}{{/layout}}", partials: partials) == "<body>\n  <p>default</p>\n</body>\n")
    }

    @Test func aBlockBetweenTagsOnOneLineTakesItsContentAsWritten() throws {
        // The built-in layout's `<main id="main">{{$main}}{{/main}}</main>`.
        let partials = ["layout": "<main id=\"main\">{{$main}}{{/main}}</main>\n"]
        #expect(try render("{{<layout}}\n{{$main}}\n<div>\n  <h1>T</h1>\n</div>\n{{/main}}\n{{/layout}}\n", partials: partials)
            == "<main id=\"main\"><div>\n  <h1>T</h1>\n</div>\n</main>\n")
    }

    @Test func anEmptyBlockSlotOnAnIndentedLineIndentsTheLinesAfterTheFirst() throws {
        let partials = ["layout": "<div>\n  {{$body}}{{/body}}\n</div>\n"]
        #expect(try render("{{<layout}}{{$body}}<p>a</p>\n<p>b</p>{{/body}}{{/layout}}", partials: partials) == "<div>\n  <p>a</p>\n  <p>b</p>\n</div>\n")
        #expect(try render("{{<layout}}{{/layout}}", partials: partials) == "<div>\n  \n</div>\n")
    }

    @Test func aParentAloneOnAnIndentedLineIndentsWhatItRenders() throws {
        let partials = ["card": "<div>\n  {{$body}}\n  {{/body}}\n</div>\n"]
        #expect(try render("<li>\n  {{<card}}\n  {{$body}}\n  <p>x</p>\n  {{/body}}\n  {{/card}}\n</li>\n", partials: partials)
            == "<li>\n  <div>\n    <p>x</p>\n  </div>\n</li>\n")
    }
}
