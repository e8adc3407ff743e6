/// Parses a Mustache template: the spec's tags, with its inheritance (`{{<parent}}`, `{{$block}}`) and
/// dynamic names (`{{>*key}}`), and swift-mustache's transforms (`{{#first(list)}}`), which themes
/// written before this parser use. Lambdas are not supported: template data holds none.
enum TemplateParser {
    /// Templates nest sections deeper than this only by mistake; deeper, a render could run out of stack.
    static let nestingLimit = 100

    static func parse(_ text: String) -> Result<ParsedTemplate, TemplateSyntaxError> {
        Result { () throws(TemplateSyntaxError) in
            var builder = TreeBuilder(bytes: Array(text.utf8))
            return try builder.build(removeStandaloneLines(try TemplateTokenizer.tokens(text)))
        }
    }

    /// A tag's name: `a.b`, `.`, `.a`, `t(a)`, `u(t(a))`, `t()`; nil when it is not one.
    static func name(_ written: String) -> TemplateName? {
        var text = Substring(written)
        var transforms: [String] = []
        while let open = text.firstIndex(of: "(") {
            guard text.hasSuffix(")") else { return nil }
            let transform = text[..<open]
            guard !transform.isEmpty, !transform.contains(where: isNameBreak) else { return nil }
            transforms.append(String(transform))
            text = text[text.index(after: open)..<text.index(before: text.endIndex)]
        }
        guard !text.contains(where: isNameBreak) else { return nil }
        let anchored = text.hasPrefix(".")
        let keys = text.split(separator: ".").map(String.init)
        if text.isEmpty, transforms.isEmpty { return nil }
        return TemplateName(keys: keys, anchored: anchored, transforms: transforms.reversed(), written: written)
    }

    private static func isNameBreak(_ character: Character) -> Bool {
        character.isWhitespace || character == "(" || character == ")"
    }
}

/// Builds the node tree from tokens whose standalone lines are gone.
private struct TreeBuilder {
    struct Frame {
        var open: TemplateToken
        var nodes: [TemplateNode] = []
        var overrides: [String: BlockOverride] = [:]
    }

    let columns: ColumnCounter
    var references: [PartialReference] = []

    init(bytes: [UInt8]) { columns = ColumnCounter(bytes) }

    mutating func build(_ tokens: [TemplateToken]) throws(TemplateSyntaxError) -> ParsedTemplate {
        var stack: [Frame] = []
        var top: [TemplateNode] = []
        func append(_ node: TemplateNode) {
            if stack.isEmpty { top.append(node) } else { stack[stack.count - 1].nodes.append(node) }
        }
        for token in tokens {
            if let parent = stack.last, parent.open.kind == .parent {
                guard [.text, .comment, .delimiters, .block, .close].contains(token.kind) else {
                    throw error("only `{{$block}}` sections may appear inside `{{<\(parent.open.content)}}`", at: token,
                                hint: "text there is ignored; put other tags inside a block")
                }
                if token.kind == .text { continue }
            }
            switch token.kind {
            case .text:
                append(.text(token.content))
            case .comment, .delimiters:
                continue
            case .variable, .unescaped:
                append(.variable(try name(of: token), escaped: token.kind == .variable))
            case .section, .inverted, .block, .parent:
                if token.kind != .parent { _ = try name(of: token) }
                if token.kind == .block, token.content.contains("(") {
                    throw error("a transform cannot be applied to a block", at: token)
                }
                guard stack.count < TemplateParser.nestingLimit else {
                    throw error("sections are nested more than \(TemplateParser.nestingLimit) deep here", at: token)
                }
                if token.kind == .parent { try notePartial(token, isParent: true) }
                stack.append(Frame(open: token))
            case .close:
                guard let frame = stack.popLast() else {
                    throw error("this closing tag `\(token.content)` closes no section", at: token)
                }
                guard frame.open.content == token.content else {
                    throw error("this tag closes `\(token.content)`, but the section open here is `\(frame.open.content)`, opened at line \(frame.open.line)",
                                at: token, hint: "close `\(frame.open.content)` first with {{/\(frame.open.content)}}")
                }
                let node = try node(for: frame)
                if frame.open.kind == .block, let parent = stack.last, parent.open.kind == .parent {
                    let intrinsic = frame.open.lineIndentation != nil ? frame.open.nextLineIndentation : ""
                    stack[stack.count - 1].overrides[frame.open.content] = BlockOverride(nodes: frame.nodes, intrinsicIndentation: intrinsic)
                } else if let node {
                    append(node)
                }
            case .partial:
                try notePartial(token, isParent: false)
                append(.partial(PartialCall(target: try target(of: token), indentation: token.lineIndentation, overrides: nil,
                                            line: token.line, column: column(of: token))))
            }
        }
        if let open = stack.last {
            throw error("the section `\(open.open.content)` opened here is never closed", at: open.open,
                        hint: "close it with {{/\(open.open.content)}}")
        }
        return ParsedTemplate(nodes: top, references: references)
    }

    /// The node a closed section becomes (nil for a parent's block, which its parent keeps).
    private func node(for frame: Frame) throws(TemplateSyntaxError) -> TemplateNode? {
        let open = frame.open
        switch open.kind {
        case .section, .inverted:
            return .section(try name(of: open), frame.nodes, inverted: open.kind == .inverted)
        case .block:
            let indentation: BlockIndentation
            if open.lineIndentation != nil {
                indentation = .everyLine(open.nextLineIndentation)
            } else if let leading = open.leadingWhitespace {
                // At the start of its line, the filling's first line is a line start like the others.
                indentation = leading.isEmpty ? .everyLine("") : .laterLines(leading)
            } else {
                indentation = .none
            }
            return .block(name: open.content, defaultNodes: frame.nodes, indentation: indentation)
        default:
            return .partial(PartialCall(target: try target(of: open), indentation: open.lineIndentation, overrides: frame.overrides,
                                        line: open.line, column: column(of: open)))
        }
    }

    private func target(of token: TemplateToken) throws(TemplateSyntaxError) -> PartialCall.Target {
        if token.content.hasPrefix("*") {
            guard let name = TemplateParser.name(String(token.content.dropFirst()).trimmingSpaces()) else {
                throw error("`\(token.content)` does not name a value", at: token)
            }
            return .dynamic(name)
        }
        guard !token.content.isEmpty, !token.content.contains(where: \.isWhitespace) else {
            throw error("this tag needs the name of a template, without spaces", at: token)
        }
        return .fixed(token.content)
    }

    private mutating func notePartial(_ token: TemplateToken, isParent: Bool) throws(TemplateSyntaxError) {
        if case .fixed(let name) = try target(of: token) {
            references.append(PartialReference(name: name, isParent: isParent, line: token.line, column: column(of: token)))
        }
    }

    private func name(of token: TemplateToken) throws(TemplateSyntaxError) -> TemplateName {
        guard let name = TemplateParser.name(token.content) else {
            // `{{page.title}</h1> ... }}`: the tag's own `}}` was mistyped, and it ran on to the next tag's.
            if let cut = token.content.firstIndex(where: { "{}<".contains($0) || $0.isNewline }),
               TemplateParser.name(String(token.content[..<cut]).trimmingCharacters(in: .whitespaces)) != nil {
                let written = token.content[..<cut].trimmingCharacters(in: .whitespaces)
                throw error("the tag `\(written)` is not closed with `}}`", at: token,
                            hint: "write it `{{\(written)}}`; without its `}}` it runs on to the next tag's")
            }
            throw error(token.content.isEmpty ? "this tag names nothing" : "`\(token.content)` is not a name a tag can look up", at: token,
                        hint: "names are keys joined by dots, such as `page.title`, or `.` for the current item")
        }
        return name
    }

    private func column(of token: TemplateToken) -> Int {
        columns.column(lineStart: token.lineStart, offset: token.offset)
    }

    private func error(_ message: String, at token: TemplateToken, hint: String? = nil) -> TemplateSyntaxError {
        TemplateSyntaxError(message: message, hint: hint, line: token.line, column: column(of: token))
    }
}

/// Columns of tags in the order they come, each counted on from the one before on its line, so a line
/// holding thousands of tags is counted once, not once per tag.
private final class ColumnCounter {
    private let bytes: [UInt8]
    private var lineStart = -1, offset = 0, column = 1

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func column(lineStart: Int, offset: Int) -> Int {
        if lineStart != self.lineStart || offset < self.offset {
            (self.lineStart, self.offset, column) = (lineStart, lineStart, 1)
        }
        column += TemplateTokenizer.column(in: bytes, lineStart: self.offset, offset: offset) - 1
        self.offset = offset
        return column
    }
}
