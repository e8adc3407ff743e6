/// A mistake in a template's text, at the tag (or the place) it was found.
struct TemplateSyntaxError: Error, Equatable {
    var message: String
    var hint: String?
    var line: Int
    var column: Int
}

/// One piece of template text before the tree is built: a run of text (holding at most one newline, at
/// its end) or a tag.
struct TemplateToken {
    enum Kind: Equatable {
        case text, variable, unescaped, section, inverted, close, comment, partial, parent, block, delimiters
    }

    var kind: Kind
    /// The text itself, or what the tag holds between its sigil and its closing delimiter, trimmed.
    var content: String
    var line: Int
    /// Where it starts, and where its line starts, as byte offsets (the column is counted only for a message).
    var offset: Int
    var lineStart: Int
    /// Set on a tag that stands alone on its line: the whitespace that began the line.
    var lineIndentation: String?
    /// For a block tag alone on its line, the whitespace that begins the line after it.
    var nextLineIndentation = ""
    /// The whitespace before the tag on its line, when only whitespace comes before it.
    var leadingWhitespace: String?

    /// Tags that produce nothing where they stand, so a line holding only them (and whitespace) is
    /// dropped from the output whole.
    var canStandAlone: Bool {
        switch kind {
        case .text, .variable, .unescaped: return false
        default: return true
        }
    }

    /// Whether the tag opens something a closing tag ends.
    var opensSection: Bool { kind == .section || kind == .inverted || kind == .block || kind == .parent }

    var isNewlineEnded: Bool { kind == .text && content.utf8.last == UInt8(ascii: "\n") }

    /// Text of spaces and tabs, and a line ending at most.
    var isBlank: Bool {
        kind == .text && content.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}

/// Splits template text into tokens, following `{{=<% %>=}}` delimiter changes as it goes.
struct TemplateTokenizer {
    private let bytes: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    private var index = 0
    private var line = 1
    private var lineStart = 0

    init(_ text: String) { bytes = Array(text.utf8) }

    static func tokens(_ text: String) throws(TemplateSyntaxError) -> [TemplateToken] {
        var tokenizer = TemplateTokenizer(text)
        return try tokenizer.run()
    }

    private mutating func run() throws(TemplateSyntaxError) -> [TemplateToken] {
        var tokens: [TemplateToken] = []
        var textStart = index
        func flushText(upTo end: Int) {
            guard end > textStart else { return }
            tokens.append(TemplateToken(kind: .text, content: string(textStart..<end), line: line, offset: textStart, lineStart: lineStart))
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                flushText(upTo: index + 1)
                index += 1
                line += 1
                lineStart = index
                textStart = index
            } else if byte == open[0], matches(open, at: index) {
                flushText(upTo: index)
                tokens.append(try tag())
                textStart = index
            } else {
                index += 1
            }
        }
        flushText(upTo: index)
        return tokens
    }

    /// Reads the tag that starts at `index`, leaving `index` after it.
    private mutating func tag() throws(TemplateSyntaxError) -> TemplateToken {
        let start = index, startLine = line, startLineStart = lineStart
        var startColumn: Int { Self.column(in: bytes, lineStart: startLineStart, offset: start) }
        index += open.count
        let sigil: UInt8? = index < bytes.count ? bytes[index] : nil
        let kind: TemplateToken.Kind
        switch sigil {
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .inverted
        case UInt8(ascii: "/"): kind = .close
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "<"): kind = .parent
        case UInt8(ascii: "$"): kind = .block
        case UInt8(ascii: "="): kind = .delimiters
        case UInt8(ascii: "&"), UInt8(ascii: "{"): kind = .unescaped
        case UInt8(ascii: "%"):
            throw TemplateSyntaxError(message: "pragma tags (`{{% ... }}`) are not supported", line: startLine, column: startColumn)
        default: kind = .variable
        }
        if kind != .variable { index += 1 }
        let closing = sigil == UInt8(ascii: "{") ? Array("}".utf8) + close : close
        let contentStart = index
        while index < bytes.count, !(bytes[index] == closing[0] && matches(closing, at: index)) {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        guard index < bytes.count else {
            let expected = String(decoding: closing, as: UTF8.self)
            throw TemplateSyntaxError(message: "this tag is not finished; it needs a closing `\(expected)`", line: startLine, column: startColumn)
        }
        let content = string(contentStart..<index).trimmingSpaces()
        index += closing.count
        if kind == .delimiters { try setDelimiters(content, line: startLine, column: startColumn) }
        return TemplateToken(kind: kind, content: content, line: startLine, offset: start, lineStart: startLineStart)
    }

    /// `{{=<% %>=}}`: two delimiters, separated by whitespace, neither holding `=` or whitespace.
    private mutating func setDelimiters(_ content: String, line: Int, column: Int) throws(TemplateSyntaxError) {
        let parts = content.hasSuffix("=") ? content.dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) : []
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw TemplateSyntaxError(message: "this set-delimiter tag is malformed", hint: "write it as `{{=<% %>=}}`: two delimiters with a space between",
                                      line: line, column: column)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        guard position + delimiter.count <= bytes.count else { return false }
        for offset in 0..<delimiter.count where bytes[position + offset] != delimiter[offset] { return false }
        return true
    }

    private func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    /// The column of the byte at `offset` on the line that starts at `lineStart`, counted in characters from 1.
    static func column(in bytes: [UInt8], lineStart: Int, offset: Int) -> Int {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[lineStart..<offset]), as: UTF8.self).count + 1 }
    }
}
