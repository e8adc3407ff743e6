import Testing
@testable import Callsheet

@Suite struct FrontMatterTests {
    @Test func splitsYAMLFromBodyAndCountsBodyLines() throws {
        let matter = try FrontMatter.parse("---\ntitle: Hello\norder: 2\n---\nBody\n", path: "content/x.md").get()
        #expect(matter.body == "Body\n")
        #expect(matter.bodyLineOffset == 4)
        #expect(matter.yaml?["title"]?.location == SourceLocation(path: "content/x.md", line: 2, column: 8))
    }

    @Test func fileWithoutFrontMatterIsAllBody() throws {
        let matter = try FrontMatter.parse("# Just text\n", path: "x.md").get()
        #expect(matter.yaml == nil)
        #expect(matter.bodyLineOffset == 0)
    }

    /// A blank line (or a space) before `---` made the front matter a rule and a heading on the page, silently.
    @Test(arguments: [("\n---\ntitle: Welcome\n---\nHi.\n", "x.md:2:1"), (" ---\ntitle: Welcome\n---\nHi.\n", "x.md:1:2"),
                      ("\n\n---\ndescription: A page\ntitle: T\n---\n", "x.md:3:1")])
    func frontMatterAfterABlankLineIsAnErrorAtItsFence(text: String, location: String) {
        guard case .failure(let error) = FrontMatter.parse(text, path: "x.md") else {
            Issue.record("parsed")
            return
        }
        #expect(error.location?.description == location)
        #expect(error.message.hasPrefix("the front matter must start on the first line"))
    }

    /// A rule after blank lines, in a page without front matter, is Markdown.
    @Test(arguments: ["\n---\nA paragraph after a rule.\n", "\n---\n\n## Heading\n", "Text\n---\ntitle: no\n"])
    func aRuleAfterBlankLinesIsStillMarkdown(text: String) throws {
        #expect(try FrontMatter.parse(text, path: "x.md").get().yaml == nil)
    }

    @Test func unterminatedFrontMatterIsAnErrorOnLineOne() {
        guard case .failure(let diagnostic) = FrontMatter.parse("---\ntitle: x\n\nBody", path: "content/x.md") else {
            Issue.record("expected an error"); return
        }
        #expect(diagnostic.summary == "content/x.md:1:1: the front matter that starts here never ends")
    }

    @Test func yamlSyntaxErrorsPointAtTheirLineInTheFile() {
        guard case .failure(let diagnostic) = FrontMatter.parse("---\ntitle: x\ndescription: \"open\n---\n", path: "content/x.md") else {
            Issue.record("expected an error"); return
        }
        #expect(diagnostic.location?.path == "content/x.md")
        #expect(diagnostic.summary
            == "content/x.md:3:19: a quote opened on line 3 is never closed (YAML says: found unexpected end of stream, while scanning a quoted scalar)")
    }

    @Test(arguments: [
        ("---\ntitle: Time: 10am\n---\n", "a value contains `: `, or a line is indented further than its key"),
        ("---\ntitle: x\n\tdescription: y\n---\n", "this line starts with a character YAML does not allow there, often a tab; indent with spaces"),
        ("---\nowner:\n  name: x\n email: y\n---\n", "this line is not indented like the lines around it"),
        ("---\ntitle: x\ndate: 2026-02-30\n---\n", "`date` must be a real date written as YYYY-MM-DD, such as 2026-03-01"),
    ])
    func yamlMistakesAreSaidInPlainWords(text: String, start: String) throws {
        let message: String
        switch FrontMatter.parse(text, path: "x.md") {
        case .failure(let diagnostic): message = diagnostic.message
        case .success(let matter):
            var reader = FieldReader(matter.yaml, at: SourceLocation(path: "x.md"), what: "front matter")
            _ = reader.date("date")
            message = reader.diagnostics.all.first?.message ?? "no error"
        }
        #expect(message.hasPrefix(start), "\(message)")
    }

    @Test func aListWhereKeysBelongIsAnError() {
        guard case .failure(let diagnostic) = FrontMatter.parse("---\n- a\n- b\n---\n", path: "x.md") else {
            Issue.record("expected an error"); return
        }
        #expect(diagnostic.summary == "x.md:2:1: front matter must be `key: value` lines, found a list")
    }

    @Test(arguments: ["title: a\ntitle: b", "\"order\": 1\norder: 2", "tags: [a]\n'tags': [b]", "list:\n  - a\nlist: [b]"])
    func duplicateKeysAreErrorsAtTheSecondKey(yaml: String) {
        guard case .failure(let diagnostic) = FrontMatter.parse("---\n\(yaml)\n---\n", path: "x.md") else {
            Issue.record("expected an error"); return
        }
        #expect(diagnostic.location?.line == yaml.split(separator: "\n").count + 1, "\(diagnostic.summary)")
        #expect(diagnostic.message.contains("given twice"))
    }

    @Test func fieldReaderReportsWrongTypesAndUnknownKeys() throws {
        let yaml = try #require(try FrontMatter.parse("---\norder: first\ndraft: maybe\ntitel: x\n---\n", path: "x.md").get().yaml)
        var reader = FieldReader(yaml, at: SourceLocation(path: "x.md"), what: "front matter")
        _ = reader.int("order")
        _ = reader.bool("draft")
        reader.warnAboutUnknownKeys(known: ["title", "order", "draft"], in: "front matter")
        #expect(reader.diagnostics.all.map(\.summary) == [
            "x.md:2:8: `order` must be a whole number, such as `3`",
            "x.md:3:8: `draft` must be `true` or `false`",
            "x.md:4:1: unknown key `titel` in front matter; it is ignored",
        ])
        #expect(reader.diagnostics.all.last?.hint == "did you mean `title`?")
    }
}

/// The quick reader of plain `key: value` front matter must agree with YAML exactly, or step aside.
@Suite struct SimpleFrontMatterTests {
    func describe(_ value: YAMLValue?) -> String {
        guard let value else { return "nil" }
        switch value.kind {
        case .null: return "null@\(value.location)"
        case .scalar(let text, let plain): return "\(text)|\(plain)@\(value.location)"
        case .sequence(let items): return "[" + items.map(describe).joined(separator: ",") + "]"
        case .mapping(let entries): return "{" + entries.map { "\($0.key)@\($0.keyLocation)=\(describe($0.value))" }.joined(separator: ",") + "}@\(value.location)"
        }
    }

    @Test(arguments: [
        "title: Hello\norder: 3\ndraft: true",
        "title: Consent workshops\ndescription: A half-day session, for casts\nurl: https://example.com/a#b",
        "\n# a comment\ntitle:   spaced out   \nempty:\ntilde: ~\ndate: 2026-03-01",
        "title: Café crème — naïve\nnull_word: null",
        "photo_alt: A teal circle, with the letters JR.",
        "title: 'quoted'\nsummary: \"The crew's notes: kept # here\"\nempty: \"\"\nnull_word: 'null'",
        "title: [a, b]\nmonths: [März,  April , Mai]\nnone: []\nblank: [ ]",
    ])
    func agreesWithYAML(text: String) throws {
        let simple = try #require(YAMLValue.parseSimpleMapping(text, path: "x.md", lineOffset: 1))
        let library = try YAMLValue.parseWithLibrary(text, path: "x.md", lineOffset: 1).get()
        #expect(describe(simple) == describe(library))
    }

    @Test(arguments: [
        "title: a: b", "title: 'it''s'", "title: x # comment", "list:\n  - a", "tags: [a, [b]]", "months: [a, b,]", "tags: ['a', b]", "  indented: x",
        "title: a\ntitle: b", "key:value", "title: |\n  block", "title: \"a\\\"b\"", "title: \"x\" # note", "a-b: c", "title: x\ttab", "title: -5",
    ])
    func stepsAsideForAnythingElse(text: String) {
        #expect(YAMLValue.parseSimpleMapping(text, path: "x.md", lineOffset: 1) == nil)
    }
}

@Suite struct FrontMatterHostileInputTests {
    @Test func billionLaughsIsRefusedAtTheFirstAnchorWithoutExpanding() {
        var yaml = "title: x\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1...9 {
            let previous = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(level - 1)))
            let name = Character(UnicodeScalar(UInt8(ascii: "a") + UInt8(level)))
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        guard case .failure(let diagnostic) = FrontMatter.parse("---\n" + yaml + "---\nBody\n", path: "x.md") else {
            Issue.record("expected an error"); return
        }
        #expect(diagnostic.summary == "x.md:3:4: a YAML anchor (`&name`) is not allowed here; write the value out in full")
    }

    /// One line holding a list of 200,000 words: read in one pass (counting every item's column from the
    /// line's start took minutes), each item at its own column.
    @Test(.timeLimit(.minutes(1))) func aListOfTwoHundredThousandWordsOnOneLineIsReadInOnePass() throws {
        let words = (0..<200_000).map { "é\($0 % 10)" }
        let value = try #require(try YAMLValue.parse("tags: [" + words.joined(separator: ", ") + "]", path: "x.md").get())
        guard case .sequence(let items)? = value["tags"]?.kind else { Issue.record("expected a list"); return }
        #expect(items.count == 200_000)
        #expect(items.last?.location.column == 8 + 199_999 * 4)
    }

    @Test func anAliasIsAnErrorAtItsLine() {
        guard case .failure(let diagnostic) = YAMLValue.parse("title: x\nlist:\n  - *missing\n", path: "site.yml") else {
            Issue.record("expected an error"); return
        }
        #expect(diagnostic.summary == "site.yml:3:5: a YAML alias (`*name`) is not allowed here; write the value out in full")
    }

    @Test func ampersandsAndStarsInsideTextAreFine() throws {
        let value = try #require(try YAMLValue.parse("title: Q&A *live*\nlist:\n  - \"&quoted\"\n  - a & b\n", path: "x").get())
        #expect(value["title"].map { "\($0.kind)" } == "scalar(\"Q&A *live*\", isPlain: true)")
    }

    @Test(arguments: ["\r\n", "\r"])
    func windowsAndOldMacLineEndsAreLineEnds(end: String) throws {
        let text = ["---", "title: Hello", "order: 2", "---", "Body", "", "## Q?"].joined(separator: end)
        let matter = try FrontMatter.parse(text, path: "x.md").get()
        #expect(matter.yaml?["title"].map { "\($0.kind)" } == "scalar(\"Hello\", isPlain: true)")
        #expect(matter.yaml?["order"]?.location == SourceLocation(path: "x.md", line: 3, column: 8))
        #expect(matter.body == "Body\n\n## Q?")
        #expect(matter.bodyLineOffset == 4)
        #expect(MarkdownDocument(matter.body).blocks.last?.line == 3)
    }
}
