extension TemplateParser {
    /// Drops the lines that hold only tags that write nothing where they stand (sections, comments,
    /// partials, blocks...) and whitespace, with their line endings, as Mustache asks; notes on those tags
    /// the indentation partials and blocks take from their lines.
    static func removeStandaloneLines(_ tokens: [TemplateToken]) -> [TemplateToken] {
        var result: [TemplateToken] = []
        result.reserveCapacity(tokens.count)
        var opened: [TemplateToken.Kind] = []  // what each open section is, to tell a block slot from a parent's block
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count, !tokens[lineEnd].isNewlineEnded { lineEnd += 1 }
            let end = min(lineEnd + 1, tokens.count)
            var line = Array(tokens[lineStart..<end])
            let nextLine = end < tokens.count ? tokens[end] : nil
            let standsAlone = lineStandsAlone(line, opened: opened)
            let indentation = line.first.flatMap { $0.kind == .text && $0.isBlank ? $0.content.trimmingLineEnd : nil } ?? ""
            let nextIndentation = nextLine.map { $0.kind == .text ? $0.content.leadingSpaces : "" } ?? ""
            var onlySpaceSoFar = true
            var leading = ""
            for position in line.indices {
                let kind = line[position].kind
                if kind == .text {
                    if onlySpaceSoFar, line[position].isBlank { leading += line[position].content.trimmingLineEnd } else { onlySpaceSoFar = false }
                    continue
                }
                if standsAlone {
                    line[position].lineIndentation = indentation
                    line[position].nextLineIndentation = nextIndentation
                } else if onlySpaceSoFar {
                    line[position].leadingWhitespace = leading
                }
                if line[position].opensSection { opened.append(kind) }
                if kind == .close, !opened.isEmpty { opened.removeLast() }
                if kind != .comment && kind != .delimiters { onlySpaceSoFar = false }
            }
            if standsAlone {
                result += line.filter { $0.kind != .text }
            } else {
                result += line
            }
            lineStart = end
        }
        return result
    }

    /// A line stands alone when it holds at least one tag, every tag on it writes nothing where it stands,
    /// and its text is whitespace. An empty block slot opened and closed on one line is a placeholder, as
    /// a variable is, so its line keeps its whitespace and its line ending.
    private static func lineStandsAlone(_ line: [TemplateToken], opened: [TemplateToken.Kind]) -> Bool {
        var hasTag = false
        // Sections opened on this line, and how many of those open before it this line closes: the
        // stack is not copied, so a template of a million lines costs a million steps.
        var openedHere: [TemplateToken.Kind] = []
        var closedBefore = 0
        func enclosing(skippingHere skip: Int) -> TemplateToken.Kind? {
            if openedHere.count > skip { return openedHere[openedHere.count - 1 - skip] }
            let index = opened.count - 1 - closedBefore - (skip - openedHere.count)
            return index >= 0 ? opened[index] : nil
        }
        var previous: TemplateToken?
        for token in line {
            if token.kind == .text {
                guard token.isBlank else { return false }
                continue
            }
            guard token.canStandAlone else { return false }
            if token.kind == .close, previous?.kind == .block, !openedHere.isEmpty, enclosing(skippingHere: 1) != .parent { return false }
            if token.opensSection { openedHere.append(token.kind) }
            if token.kind == .close {
                if openedHere.isEmpty { closedBefore += 1 } else { openedHere.removeLast() }
            }
            hasTag = true
            previous = token
        }
        return hasTag
    }
}

private extension String {
    /// The text without its line ending.
    var trimmingLineEnd: String {
        var text = Substring(self)
        if text.hasSuffix("\n") { text = text.dropLast() }
        if text.hasSuffix("\r") { text = text.dropLast() }
        return String(text)
    }

    /// The spaces and tabs the text starts with.
    var leadingSpaces: String { String(prefix { $0 == " " || $0 == "\t" }) }
}
