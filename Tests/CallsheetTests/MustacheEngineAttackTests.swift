import Testing
@testable import Callsheet

/// Hostile templates and data: each gives a syntax error, or a render that ends at once with bounded
/// output or a stop (`TemplateRenderProblem`), never a crash or a hang.
@Suite struct MustacheEngineAttackTests {
    /// Renders as a build does, on a thread with a large stack, and says how the render ended.
    func run(_ template: String, _ data: TemplateValue = .object([:]), partials: [String: String] = [:]) throws -> Result<String?, TemplateRenderProblem> {
        var templates: [String: ParsedTemplate] = [:]
        for (name, text) in partials.merging(["main": template], uniquingKeysWith: { _, main in main }) {
            templates[name] = try TemplateParser.parse(text).get()
        }
        return TemplateRenderer.render(data, template: "main", templates: templates)
    }

    func error(_ template: String) -> String? { MustacheHarness.error(template) }

    // MARK: Big and broken text

    @Test func aLongLineFullOfTagsRendersInFull() throws {
        let data = try MustacheHarness.value(#"{"a": "x", "l": [1, 2]}"#)
        let line = String(repeating: "{{a}}{{#l}}{{.}}{{/l}}{{! c }}{{{a}}}", count: 20_000)
        #expect(try run(line, data).get() == String(repeating: "x12x", count: 20_000))
    }

    @Test func aLongLineFullOfPartialTagsParsesAtOnce() throws {
        let line = String(repeating: "{{>p}}", count: 50_000)
        #expect(try run(line, partials: ["p": "-"]).get()?.count == 50_000)
        #expect(error("é" + String(repeating: "{{>p}}", count: 50_000) + "{{/x}}") == "1:300002: this closing tag `x` closes no section")
        let parents = String(repeating: "{{<p}}{{/p}}", count: 10_000)
        #expect(try run(parents, partials: ["p": "-"]).get()?.count == 10_000)
    }

    @Test func aMegabyteOfOpeningBracesIsOneUnfinishedTag() {
        // The third brace makes the first tag a triple one.
        #expect(error(String(repeating: "{{", count: 500_000)) == "1:1: this tag is not finished; it needs a closing `}}}`")
        #expect(error("x " + String(repeating: "{{ ", count: 350_000)) == "1:3: this tag is not finished; it needs a closing `}}`")
        #expect(error("a\n" + String(repeating: "{{{", count: 300_000)) == "2:1: this tag is not finished; it needs a closing `}}}`")
        #expect(error(String(repeating: "{{}}", count: 250_000)) == "1:1: this tag names nothing")
    }

    @Test func unfinishedTripleTagsAndStrayBraces() throws {
        #expect(error("{{{a}}") == "1:1: this tag is not finished; it needs a closing `}}}`")
        #expect(error("{{{a}} }") == "1:1: this tag is not finished; it needs a closing `}}}`")
        #expect(try MustacheHarness.render("}} } {{{a}}}}", #"{"a": "<"}"#) == "}} } <}")
    }

    @Test func delimitersLongOddOrUnicode() throws {
        let data = try MustacheHarness.value(#"{"a": "<x>", "l": [1, 2]}"#)
        let open = String(repeating: "<", count: 1_000), close = String(repeating: ">", count: 1_000)
        #expect(try run("{{=\(open) \(close)=}}\(open)a\(close)\(open)#l\(close)\(open).\(close)\(open)/l\(close)", data).get() == "&lt;x&gt;12")
        #expect(try run("{{=| |=}}|a||{a}||&a|", data).get() == "&lt;x&gt;<x><x>")
        #expect(try run("{{={ }=}}{a}{{a}}}", data).get() == "&lt;x&gt;<x>}")
        #expect(try run("{{=🙂 🙃=}}🙂a🙃{{a}}🙂=é è=🙃e\u{301}aèéaè", data).get() == "&lt;x&gt;{{a}}e\u{301}aè&lt;x&gt;")
        // Delimiters are matched as bytes: one may even split a letter from its accent.
        #expect(try run("{{=\u{301} >=}}e\u{301}a>", data).get() == "e&lt;x&gt;")
        #expect(try run("{{=<< <<=}}<<a<<", data).get() == "&lt;x&gt;")
        #expect(error("{{=<% %>=}}<% a") == "1:12: this tag is not finished; it needs a closing `%>`")
    }

    @Test func textThatWasNotUTF8RendersAsReplacementCharacters() throws {
        let template = String(decoding: [0xFF, 0x7B, 0x7B, 0xC3, 0x7D, 0x7D, 0x7B, 0x7B, 0x61, 0x7D, 0x7D, 0xE2, 0x82, 0x0A], as: UTF8.self)
        let value = String(decoding: [0x3C, 0xED, 0xA0, 0x80, 0x22, 0x00], as: UTF8.self)
        let key = String(decoding: [0xC3], as: UTF8.self)
        let output = try run(template, .object(["a": .text(value), key: .text("k")])).get()
        #expect(output == "\u{FFFD}k&lt;\u{FFFD}\u{FFFD}\u{FFFD}&quot;\u{0}\u{FFFD}\n")
        #expect(error(String(decoding: [0xC3, 0x28, 0x7B, 0x7B, 0x2F, 0x78, 0x7D, 0x7D], as: UTF8.self)) == "1:3: this closing tag `x` closes no section")
    }

    @Test func oddNames() throws {
        let data = try MustacheHarness.value(#"{"a": {"b": "ab"}, "t": "top"}"#)
        #expect(try run("{{#a}}[{{....}}]{{/a}}[{{a..b}}][{{.a.b}}]", data).get() == "[][ab][ab]")
        for name in ["()", "a(", "a)", "(a)", "f(a)(b)", "f((a))", "a b", "f( a )"] {
            #expect(error("{{\(name)}}") == "1:1: `\(name)` is not a name a tag can look up", "\(name)")
            #expect(error("{{#\(name)}}{{/\(name)}}") == "1:1: `\(name)` is not a name a tag can look up", "\(name)")
        }
    }

    // MARK: Depth

    @Test func sectionsNestedThousandsDeepAreRefusedAndAtTheLimitRender() throws {
        let deep = 5_000
        #expect(error(String(repeating: "{{#a}}\n", count: deep) + String(repeating: "{{/a}}\n", count: deep)) != nil)
        #expect(error(String(repeating: "{{$a}}", count: deep) + String(repeating: "{{/a}}", count: deep)) != nil)
        #expect(error(String(repeating: "{{^a}}{{<p}}{{$a}}", count: deep)) != nil)
        let limit = TemplateParser.nestingLimit
        let nest = String(repeating: "{{#a}}", count: limit) + "{{x}}" + String(repeating: "{{/a}}", count: limit)
        #expect(try run(nest, .object(["a": .flag(true), "x": .text("deep")])).get() == "deep")
        let inverted = String(repeating: "{{^a}}", count: limit) + "{{x}}" + String(repeating: "{{/a}}", count: limit)
        #expect(try run(inverted, .object(["x": .text("deep")])).get() == "deep")
    }

    @Test func tensOfThousandsOfNestedSectionLinesAreRefusedAtOnce() {
        let deep = 100_000
        let text = String(repeating: "{{#a}}\n", count: deep) + String(repeating: "{{/a}}\n", count: deep)
        #expect(error(text) == "101:1: sections are nested more than 100 deep here")
    }

    @Test func aDynamicPartialThatNamesItselfStops() throws {
        #expect(try run("{{>*next}}", .object(["next": .text("main")])) == .failure(.tooDeep))
        let partials = ["a": "a{{>*b}}", "b": "{{#.}}b{{>*a}}{{/.}}"]
        #expect(try run("{{>a}}", .object(["a": .text("a"), "b": .text("b")]), partials: partials) == .failure(.tooDeep))
    }

    @Test func aChainOfPartialsDeeperThanTheLimitStops() throws {
        var partials: [String: String] = [:]
        for level in 0..<100 { partials["p\(level)"] = "{{>p\(level + 1)}}" }
        partials["p100"] = "end"
        #expect(try run("{{>p0}}", partials: partials) == .failure(.tooDeep))
        #expect(try run("{{>p50}}", partials: partials).get() == "end")
    }

    @Test func blocksThatFillThemselvesStop() throws {
        let layout = ["layout": "<{{$main}}{{/main}}>"]
        #expect(try run("{{<layout}}{{$main}}[{{$main}}{{/main}}]{{/main}}{{/layout}}", partials: layout) == .failure(.tooDeep))
        let page = "{{<layout}}{{$main}}({{>*kind}}){{/main}}{{/layout}}"
        #expect(try run(page, .object(["kind": .text("main")]), partials: layout) == .failure(.tooDeep))
    }

    @Test func aDeeplyIndentedPartialInsideNestedPartialsIsBounded() throws {
        let spaces = String(repeating: " ", count: 10_000)
        var partials: [String: String] = [:]
        for level in 0..<60 { partials["p\(level)"] = "\(spaces){{>p\(level + 1)}}\n" }
        partials["p60"] = String(repeating: "line\n", count: 2_000)
        // Every line of the innermost partial is 600,000 spaces in: 1.2 GB for 2,000 lines.
        #expect(try run("{{>p0}}", partials: partials) == .failure(.overBudget))
        partials["p60"] = "line\n"
        #expect(try run("{{>p0}}", partials: partials).get()?.utf8.count == 600_005)
    }

    // MARK: Work

    @Test func sectionsNestedOverListsStopOnTheLookupBudget() throws {
        let list = TemplateValue.list((0..<30).map { .integer($0) })
        let nest = String(repeating: "{{#l}}", count: 8) + "{{.}}" + String(repeating: "{{/l}}", count: 8)
        #expect(try run(nest, .object(["l": list])) == .failure(.overBudget))
    }

    @Test func partialsIncludedTwiceAtEveryLevelStop() throws {
        var partials: [String: String] = [:]
        for level in 0..<40 { partials["p\(level)"] = "{{>p\(level + 1)}}{{>p\(level + 1)}}" }
        partials["p40"] = "x"
        #expect(try run("{{>p0}}", partials: partials) == .failure(.overBudget))
    }

    @Test func bigTextRepeatedOverListsStops() throws {
        let list = TemplateValue.list((0..<40).map { .integer($0) })
        let text = String(repeating: "0123456789", count: 10_000)
        let nest = "{{#l}}{{#l}}{{#l}}" + text + "{{/l}}{{/l}}{{/l}}"
        #expect(try run(nest, .object(["l": list])) == .failure(.overBudget))
    }
}
