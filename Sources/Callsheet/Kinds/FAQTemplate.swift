/// The FAQ's keys: `faq.groups`, each with its questions and answers.
struct FAQData: Encodable {
    struct Contents: Encodable {
        let hasGroups: Bool
        let count: Int
        let groups: [Group]
    }

    struct Group: Encodable {
        let title: String?
        let id: String?
        let questions: [Question]
    }

    struct Question: Encodable {
        /// Plain text, for attributes and screen-reader labels.
        let question: String
        /// With its inline Markdown (emphasis, code) as HTML (`question_html`).
        let questionHtml: String
        let id: String
        let answer: String
    }

    let faq: Contents

    static func render(_ rendering: inout KindRendering) -> any Encodable {
        let page = rendering.page
        let (faq, problems) = FAQ.split(rendering.document, reservedIDs: rendering.renderer.templates.fixedIDs) { line, column in
            page.bodyLocation(line: line, column: column) ?? SourceLocation(path: page.sitePath, line: line, column: column)
        }
        rendering.diagnostics += problems
        rendering.contentHTML = faq.introHTML
        if !faq.questions.isEmpty { rendering.jsonld.append(StructuredData.faqPage(faq, page: page, config: rendering.config)) }
        return FAQData(faq: Contents(hasGroups: faq.hasGroups, count: faq.questions.count, groups: faq.groups.map { group in
            Group(title: group.title, id: group.id, questions: group.questions.map {
                Question(question: $0.text, questionHtml: $0.html, id: $0.id, answer: $0.answerHTML)
            })
        }))
    }
}
