import Foundation

/// One thing a director, producer or performer said, and who said it.
struct Testimonial: Sendable, Hashable {
    /// The quote's Markdown, without the attribution and without the `>` marks.
    var quote: String
    /// The body line (1-based) where the quote's Markdown starts, for messages about it.
    var quoteLine: Int
    /// Who said it: the text before the first comma of the attribution.
    var name: String
    /// The rest of the attribution (their role and production), as inline Markdown; nil when there is none.
    var context: String?
}

/// testimonials.md: every top-level blockquote of the body is one testimonial; the rest is the intro.
struct TestimonialList: PageDetails {
    var testimonials: [Testimonial] = []
    /// The body without the blockquotes, rendered as the page's intro.
    var intro = ""

    static let dashes = ["—", "–", "--"]

    static func read(_ reading: inout DetailsReading) -> (any PageDetails)? {
        let (list, problems) = parse(reading.page.body) { line in reading.page.bodyLocation(line: line, column: 1) }
        reading.diagnostics.append(contentsOf: problems)
        return list
    }

    /// Splits `body` into the intro and the testimonials; `location` turns a body line into a file location.
    static func parse(_ body: String, location: (Int) -> SourceLocation?) -> (TestimonialList, [Diagnostic]) {
        var list = TestimonialList()
        var diagnostics: [Diagnostic] = []
        var intro: [Substring] = []  // the body with the quotes' lines left blank
        var quote: [Substring] = []
        var quoteStart = 0
        var fence: Substring?

        func finishQuote() {
            guard !quote.isEmpty else { return }
            defer { quote = [] }
            let paragraphs = quote.split(omittingEmptySubsequences: true) { $0.allSatisfy(\.isWhitespace) }
            guard let last = paragraphs.last, let attribution = attribution(of: last.joined(separator: " ")) else {
                diagnostics.append(.error("this testimonial does not say who said it", at: location(quoteStart),
                                          hint: "end the quote with a line such as `> — Jordan Reyes, director, *Harbour Lights*`"))
                return
            }
            let text = quote[..<last.startIndex].joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty {
                diagnostics.append(.error("this testimonial has an attribution but no quote", at: location(quoteStart),
                                          hint: "write what they said above the line that starts with a dash"))
                return
            }
            list.testimonials.append(Testimonial(quote: text, quoteLine: quoteStart, name: attribution.name,
                                                 context: attribution.context))
        }

        for (index, line) in body.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            if let open = fence {
                intro.append(line)
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if indent < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                finishQuote()
                fence = trimmed.prefix(3)
                intro.append(line)
                continue
            }
            if indent < 4, trimmed.hasPrefix(">") {
                if quote.isEmpty { quoteStart = index + 1 }
                var inner = trimmed.dropFirst()
                if inner.hasPrefix(" ") { inner = inner.dropFirst() }
                quote.append(inner)
                intro.append("")  // blank in the intro, so its lines keep their numbers
            } else if !quote.isEmpty, !trimmed.isEmpty, !(quote.last?.allSatisfy(\.isWhitespace) ?? true) {
                quote.append(trimmed)  // a lazy continuation line of the quote's paragraph
                intro.append("")
            } else {
                finishQuote()
                intro.append(line)
            }
        }
        finishQuote()
        list.intro = intro.joined(separator: "\n")
        return (list, diagnostics)
    }

    /// The name and the rest of an attribution paragraph that starts with a dash, or nil when it does not.
    static func attribution(of paragraph: String) -> (name: String, context: String?)? {
        let text = paragraph.trimmingCharacters(in: .whitespaces)
        guard let dash = dashes.first(where: { text.hasPrefix($0) }) else { return nil }
        let rest = text.dropFirst(dash.count).trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return nil }
        guard let comma = rest.firstIndex(of: ",") else { return (rest, nil) }
        let name = rest[..<comma].trimmingCharacters(in: .whitespaces)
        let context = rest[rest.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        return (name, context.isEmpty ? nil : context)
    }
}
