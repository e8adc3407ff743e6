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
                if kind == .block || kind == .section || kind == .inverted || kind == .parent { opened.append(kind) }
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
        // The line closes at most as many sections as it has tokens: the rest of the stack is not needed (and
        // copying it for every line of a deep nest took quadratic time).
        var parents = Array(opened.suffix(line.count + 2))
        var previous: TemplateToken?
        for token in line {
            if token.kind == .text {
                guard token.isBlank else { return false }
                continue
            }
            guard token.canStandAlone else { return false }
            if token.kind == .close, let open = previous, open.kind == .block, parents.dropLast().last != .parent { return false }
            if [.block, .section, .inverted, .parent].contains(token.kind) { parents.append(token.kind) }
            if token.kind == .close, !parents.isEmpty { parents.removeLast() }
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
