import Testing
@testable import Callsheet

@Suite struct FAQTests {
    func split(_ text: String) -> (FAQ, [Diagnostic]) {
        FAQ.split(MarkdownDocument(text), reservedIDs: ["main"]) { SourceLocation(path: "faq.md", line: $0, column: $1) }
    }

    @Test func questionsAnswersAndIntroAreSplitAtHeadings() {
        let (faq, problems) = split("Intro.\n\n## First?\n\nOne.\n\nMore.\n\n## Second?\n\n- a\n- b\n")
        #expect(problems.isEmpty)
        #expect(faq.introHTML == "<p>Intro.</p>\n")
        #expect(faq.questions.map(\.text) == ["First?", "Second?"])
        #expect(faq.questions.map(\.id) == ["first", "second"])
        #expect(faq.questions[0].answerHTML == "<p>One.</p>\n<p>More.</p>\n")
        #expect(!faq.hasGroups)
    }

    @Test func groupsCollectTheQuestionsBelowThem() {
        let (faq, problems) = split("## Loose?\n\nYes.\n\n# Productions\n\n## Budget?\n\nSome.\n\n# Performers\n\n## Rights?\n\nMany.\n")
        #expect(problems.isEmpty)
        #expect(faq.hasGroups)
        #expect(faq.groups.map(\.title) == [nil, "Productions", "Performers"])
        #expect(faq.groups.map { $0.questions.map(\.text) } == [["Loose?"], ["Budget?"], ["Rights?"]])
        #expect(faq.groups.map(\.id) == [nil, "productions", "performers"])
    }

    @Test func subHeadingsInGroupedAnswersSitBelowTheQuestion() {
        let (faq, _) = split("# Group\n\n## Question?\n\n### Part A\n\nText.\n")
        #expect(faq.questions[0].answerHTML == "<h4 id=\"part-a\">Part A</h4>\n<p>Text.</p>\n")
        let (flat, _) = split("## Question?\n\n### Part A\n\nText.\n")
        #expect(flat.questions[0].answerHTML.hasPrefix("<h3 id=\"part-a\">"))
    }

    @Test func questionIdsAreStableAndClashesGetNumbers() {
        let (faq, _) = split("## Fees?\n\nA.\n\n## Fees!\n\nB.\n\n## Main\n\nC.\n")
        #expect(faq.questions.map(\.id) == ["fees", "fees-2", "main-2"])
    }

    @Test func aQuestionWithoutAnAnswerIsAnErrorAtItsLine() {
        let (_, problems) = split("Intro.\n\n## Empty?\n\n## Full?\n\nYes.\n")
        #expect(problems.map(\.summary) == ["faq.md:3:1: this question has no answer"])
    }

    @Test func theLastQuestionWithoutAnAnswerIsAnErrorToo() {
        let (_, problems) = split("## Full?\n\nYes.\n\n# Group\n\n## Last?\n")
        #expect(problems.map(\.summary) == ["faq.md:7:1: this question has no answer"])
    }

    @Test func aQuestionAskedTwiceIsAnErrorAtTheSecond() {
        let (_, problems) = split("## Same question?\n\nA.\n\n## Same  Question?\n\nB.\n")
        #expect(problems.map(\.summary) == ["faq.md:5:1: this question is asked twice; the first is on line 1"])
    }

    @Test func textBetweenAGroupAndItsFirstQuestionIsAnError() {
        let (_, problems) = split("# Group\n\nStray.\n\n## Q?\n\nA.\n")
        #expect(problems.map(\.location?.line) == [3])
    }

    @Test func questionsThatDifferOnlyInPunctuationAreTwoQuestions() {
        let (faq, problems) = split("# One\n\n## Do you work on rehearsals?\n\nYes.\n\n# Two\n\n## Do you work on \"rehearsals\"?\n\nAlso.\n")
        #expect(problems.isEmpty)
        #expect(faq.questions.map(\.id) == ["do-you-work-on-rehearsals", "do-you-work-on-rehearsals-2"])
    }

    @Test func emojiOnlyQuestionsGetIdsOfTheirOwn() {
        let (faq, problems) = split("## 🎬?\n\nFilm.\n\n## 🎭?\n\nStage.\n")
        #expect(problems.isEmpty)
        #expect(faq.questions.map(\.id) == ["q-1", "q-2"])
    }

    @Test func inlineMarkdownInAQuestionIsKeptAsHTMLAndPlainText() {
        let (faq, _) = split("## Is it *my* decision or `the director's`?\n\nYours.\n")
        #expect(faq.questions[0].html == "Is it <em>my</em> decision or <code>the director&#39;s</code>?")
        #expect(faq.questions[0].text == "Is it my decision or the director's?")
    }

    @Test func manyIdenticalHeadingsGetNumberedInLinearTime() {
        var ids = AnchorIDs()
        let start = ContinuousClock.now
        let claimed = (0..<30_000).map { _ in ids.claim("same") }
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(claimed.prefix(3) == ["same", "same-2", "same-3"])
        #expect(claimed.last == "same-30000")
        #expect(ids.claim("same-2") == "same-2-2")
    }

    @Test func jsonLDAnswersReadSoftBreaksAsSpaces() {
        let (faq, _) = split("## Q?\n\nA paragraph wrapped\nover two lines.\n\nAnother.\n")
        let text = AnswerHTML.limit(faq.questions[0].answerHTML, origin: BaseURL("https://example.com/")!)
        #expect(text == "<p>A paragraph wrapped over two lines.</p><p>Another.</p>")
    }
}

@Suite struct FAQIntroTests {
    @Test func introSubHeadingsSitRightUnderThePageTitle() {
        let (faq, _) = FAQ.split(MarkdownDocument("### Before you ask\n\nRead this.\n\n## Q?\n\nA.\n")) {
            SourceLocation(path: "faq.md", line: $0, column: $1)
        }
        #expect(faq.introHTML == "<h2 id=\"before-you-ask\">Before you ask</h2>\n<p>Read this.</p>\n")
    }

    @Test func anIndentedFenceInsideAYAMLBlockDoesNotEndTheFrontMatter() throws {
        let text = "---\ntitle: X\nnote: |\n  one\n  ---\n  two\n---\nBody\n"
        let matter = try FrontMatter.parse(text, path: "x.md").get()
        #expect(matter.body == "Body\n")
        #expect(matter.bodyLineOffset == 7)
    }
}
