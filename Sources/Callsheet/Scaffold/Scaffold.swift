/// The files `build-site new` writes: front matter filled in, hints as YAML comments, and a body that
/// builds and passes `build-site check` as it is.
public enum Scaffold {
    /// A new service file: its path inside the content folder and its text.
    public static func service(title: String, order: Int) -> (path: String, text: String) {
        let slug = Slug.anchor(from: title)
        let text = """
        ---
        title: \(yamlQuoted(title))
        # One sentence, shown under the title in the list of services.
        summary: \(yamlQuoted("What \(shortened(title)) involves, in one sentence."))
        # Services are listed by order, then by title.
        order: \(order)
        # What search engines show: one sentence of 50 to 160 characters.
        description: \(yamlQuoted(description(for: title, ending: ": what it involves, who it is for, and how to book it.")))
        ---
        Describe \(shortened(title)) here: what it involves, who it is for, and how to book it.

        """
        return ("services/\(slug).md", text)
    }

    /// A new extra page, published at `/<slug>/`.
    public static func page(title: String) -> (path: String, text: String) {
        let slug = Slug.anchor(from: title)
        let text = """
        ---
        title: \(yamlQuoted(title))
        # What search engines show: one sentence of 50 to 160 characters.
        description: \(yamlQuoted(description(for: title, ending: ": what this page covers, in one clear sentence for visitors.")))
        ---
        Write this page in Markdown. Link to other pages by their file, such as [the FAQ](../faq.md).

        """
        return ("pages/\(slug).md", text)
    }

    /// The FAQ file to start with when there is none.
    public static let emptyFAQ = """
    ---
    title: Frequently Asked Questions
    description: Answers to the questions people ask most often about working with an intimacy coordinator.
    ---
    A few words to introduce the questions below.

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
        let entry = ["## \(question)", "", "Write the answer here, in a few sentences or a list."]
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

    /// The next `order` for a service: one more than the largest in use.
    public static func nextOrder(after orders: [Int]) -> Int { (orders.max() ?? 0) + 1 }

    static func shortened(_ title: String) -> String {
        title.count > 90 ? String(title.prefix(90)).trimmingSpaces() : title
    }

    static func description(for title: String, ending: String) -> String {
        shortened(title) + ending
    }

    /// A YAML double-quoted string, so colons, `#` and quotes in a title stay text.
    static func yamlQuoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\r", "\t": out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
