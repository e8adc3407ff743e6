/// `build-site new faq`: a question added to the FAQ, in its group.
extension Scaffold {
    /// The FAQ file to start with when there is none.
    public static let emptyFAQ = """
    ---
    title: Frequently Asked Questions
    description: Answers to the questions people ask most often about working with an intimacy coordinator.
    ---
    Replace this: a few words to introduce the questions below.

    """

    /// Why a question cannot be added.
    public enum FAQProblem: Error, Equatable {
        case alreadyAsked(line: Int)
        case emptyQuestion
    }

    /// `faq` with `question` added: at the end, or at the end of the `#` group named `group` (made when
    /// missing). Returns the new text and the line of the new question.
    public static func addQuestion(_ question: String, group: String?, to faq: String) -> Result<(text: String, line: Int), FAQProblem> {
        let question = question.trimmingSpaces()
        guard !question.isEmpty else { return .failure(.emptyQuestion) }
        let matter = try? FrontMatter.parse(faq, path: "faq.md").get()
        let offset = matter?.bodyLineOffset ?? 0
        let document = MarkdownDocument(matter?.body ?? faq)
        let key = Slug.anchor(from: question)
        if let asked = document.blocks.first(where: { $0.headingLevel == 2 && Slug.anchor(from: $0.text) == key }) {
            return .failure(.alreadyAsked(line: asked.line + offset))
        }
        var lines = faq.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last?.isEmpty == true { lines.removeLast() }
        let entry = ["## \(question)", "", "\(placeholderMarker) write the answer here, in a few sentences or a list."]
        let groupIndex = group.flatMap { name in
            document.blocks.firstIndex { $0.headingLevel == 1 && $0.text.trimmingSpaces().lowercased() == name.trimmingSpaces().lowercased() }
        }
        if let groupIndex {
            // Before the next `#` group, or at the end.
            let next = document.blocks[(groupIndex + 1)...].first { $0.headingLevel == 1 }
            if let next {
                var insertAt = next.line - 1 + offset  // 0-based index of the next group's line
                while insertAt > 0, lines[insertAt - 1].trimmingSpaces().isEmpty { insertAt -= 1 }
                lines.insert(contentsOf: [""] + entry, at: insertAt)
                return .success((lines.joined(separator: "\n") + "\n", insertAt + 2))
            }
            lines += [""] + entry
        } else if let group {
            lines += ["", "# \(group.trimmingSpaces())", ""] + entry
        } else {
            lines += [""] + entry
        }
        return .success((lines.joined(separator: "\n") + "\n", lines.count - 2))
    }
}
