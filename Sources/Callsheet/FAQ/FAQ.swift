/// The FAQ page: intro, then questions with their answers, in optional groups.
public struct FAQ: Sendable {
    /// One question and its answer.
    public struct Question: Sendable {
        /// The question as written after `##`, as plain text (for JSON-LD and titles).
        public var text: String
        /// The question with its inline Markdown (emphasis, code) as HTML, for the heading and the list.
        public var html: String
        /// Its permalink id, unique on the page.
        public var id: String
        /// The answer, rendered to HTML.
        public var answerHTML: String
        /// Where the `##` heading is, in the file.
        public var location: SourceLocation
    }

    /// A `#` heading and the questions under it; the untitled group holds questions before the first `#`.
    public struct Group: Sendable {
        public var title: String?
        public var id: String?
        public var questions: [Question]
    }

    /// The text before the first heading, rendered to HTML.
    public var introHTML: String
    public var groups: [Group]

    /// Every question, in order.
    public var questions: [Question] { groups.flatMap(\.questions) }

    /// Whether any group has a title.
    public var hasGroups: Bool { groups.contains { $0.title != nil } }
}

extension FAQ {
    /// Splits a parsed FAQ into intro, groups and questions. Every `##` is a question and the blocks up to
    /// the next `##` or `#` its answer. A question without an answer and a question asked twice are errors.
    /// `location` turns a body line and column into a file location.
    public static func split(_ document: MarkdownDocument, reservedIDs: Set<String> = [],
                             location: (Int, Int) -> SourceLocation) -> (FAQ, [Diagnostic]) {
        struct Draft {
            var text: String
            var html: String
            var line: Int, column: Int
            var blocks: Range<Int>
            var groupIndex: Int
        }
        var diagnostics: [Diagnostic] = []
        var introEnd = document.blocks.count
        var groupTitles: [(title: String?, line: Int, column: Int)] = [(nil, 0, 0)]
        var drafts: [Draft] = []
        for (index, block) in document.blocks.enumerated() {
            switch block.headingLevel {
            case 1?:
                introEnd = min(introEnd, index)
                groupTitles.append((block.text.trimmingSpaces(), block.line, block.column))
            case 2?:
                introEnd = min(introEnd, index)
                drafts.append(Draft(text: block.text.trimmingSpaces(), html: document.inlineHTML(ofBlock: index).trimmingSpaces(), line: block.line, column: block.column,
                                    blocks: (index + 1)..<(index + 1), groupIndex: groupTitles.count - 1))
            default:
                if index > introEnd, let last = drafts.last, last.groupIndex == groupTitles.count - 1,
                   last.blocks.upperBound == index {
                    drafts[drafts.count - 1].blocks = last.blocks.lowerBound..<(index + 1)
                } else if index > introEnd {
                    // Text after a `#` group heading and before its first question.
                    let here = location(block.line, block.column)
                    diagnostics.append(.error("this text sits between a group heading and its first question, so it belongs to no answer",
                                              at: here, hint: "move it into an answer, or before the first heading"))
                }
            }
        }

        var ids = AnchorIDs(reserved: reservedIDs)
        var seen: [String: Int] = [:]
        var questionIDs: [String] = []
        var wordless = 0
        for draft in drafts {
            let here = location(draft.line, draft.column)
            if draft.text.isEmpty {
                diagnostics.append(.error("this question has no text", at: here, hint: "write the question after `## `"))
            }
            if draft.blocks.isEmpty {
                diagnostics.append(.error("this question has no answer", at: here,
                                          hint: "write the answer below the question, before the next `##` or `#` heading"))
            }
            // The same words, ignoring case and spacing but not punctuation, are the same question.
            let words = Self.comparableWords(draft.text)
            if let firstLine = seen[words], !words.isEmpty {
                diagnostics.append(.error("this question is asked twice; the first is on line \(location(firstLine, 1).line)", at: here,
                                          hint: "merge the two answers, or reword one question"))
            } else {
                seen[words] = draft.line
            }
            // A question with no letters or digits (`## 🎬?`) still needs an id of its own.
            var slug = Slug.words(from: draft.text)
            if slug.isEmpty {
                wordless += 1
                slug = "q-\(wordless)"
            }
            questionIDs.append(ids.claim(slug))
        }
        let groupIDs = groupTitles.map { $0.title.map { ids.claim(Slug.anchor(from: $0)) } }

        var groups = groupTitles.enumerated().map { index, group in
            Group(title: group.title, id: groupIDs[index], questions: [])
        }
        for (index, title) in groupTitles.enumerated() where title.title != nil {
            if !drafts.contains(where: { $0.groupIndex == index }) {
                diagnostics.append(.warning("this group has no questions under it", at: location(title.line, title.column),
                                            hint: "add `## Question?` lines below it, or remove it"))
            }
            if title.title?.isEmpty == true {
                diagnostics.append(.error("this group heading has no text", at: location(title.line, title.column)))
            }
        }
        // In the intro `#` and `##` already mean group and question, so its `###` is the first level under
        // the page title: it becomes an h2.
        let introHTML = document.renderHTML(blocks: 0..<introEnd, headingShift: -1, headingIDs: &ids)
        for (index, draft) in drafts.enumerated() {
            // Questions under a titled group are one level deeper, so their sub-headings move down too.
            let inGroup = groupTitles[draft.groupIndex].title != nil
            let answer = document.renderHTML(blocks: draft.blocks, headingShift: inGroup ? 1 : 0, headingIDs: &ids)
            groups[draft.groupIndex].questions.append(Question(text: draft.text, html: draft.html, id: questionIDs[index], answerHTML: answer,
                                                               location: location(draft.line, draft.column)))
        }
        groups.removeAll { $0.title == nil && $0.questions.isEmpty }
        if drafts.isEmpty {
            diagnostics.append(.warning("the FAQ has no questions", at: location(1, 1),
                                        hint: "write each question as a `## Question?` heading with its answer below"))
        }
        return (FAQ(introHTML: introHTML, groups: groups), diagnostics)
    }

    /// A question's words for comparison: lower case, runs of white space as one space, trimmed.
    static func comparableWords(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
