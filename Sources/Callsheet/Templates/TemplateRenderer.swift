/// Why a page's render was stopped.
enum TemplateRenderProblem: Error, Equatable {
    /// Templates include each other deeper than any real page needs (a partial named at render time
    /// that leads back to itself).
    case tooDeep
    /// The render did more work than any real page needs (sections nested over lists multiply).
    case overBudget
}

/// One render of one page's data with the parsed templates. It keeps the stack of values sections
/// opened, the blocks a parent tag's body filled, and how the lines being written are indented. Every
/// lookup counts against a budget, and every partial against a depth, so a template that would run for
/// ever or for ages stops at once, with `problem` set.
struct TemplateRenderer {
    /// Steps a page may take: lookups, partials, filled blocks and list items (each repeats what it
    /// renders). An FAQ of 1,000 questions takes about 20,000, a list of 10,000 services 60,000.
    static let stepBudget = 1_000_000
    /// Bytes a page may write (the built-in theme's list of 10,000 services is about 3 MB): a text
    /// repeated over lists, or a partial indented deep inside others, multiplies without lookups.
    static let outputBudget = 64 << 20
    /// Partials inside partials; the built-in theme goes 3 deep.
    static let depthLimit = 64
    /// Stack a render may use, well inside the stack of the thread it runs on.
    static let stackBudget = 8 << 20

    /// How lines written from template text are indented: a partial alone on an indented line, or a block
    /// filled with content indented otherwise where it was written.
    struct Indentation {
        /// Removed from the start of each line (a block's content's own indentation).
        var strip = ""
        /// Put at the start of each line.
        var add = ""
        var isNone: Bool { strip.isEmpty && add.isEmpty }

        /// Where whitespace written in the current template puts a line, once this indentation is applied.
        func applied(to whitespace: String) -> String {
            add + whitespace.dropCommonPrefix(with: strip)
        }
    }

    /// Where a list's item is, for swift-mustache's `{{#first()}}`, `{{index()}}` and friends.
    struct ListPosition {
        var index: Int
        var count: Int
    }

    let templates: [String: ParsedTemplate]
    var output = ""
    var problem: TemplateRenderProblem?
    var stack: [TemplateValue]
    var blocks: [String: BlockOverride] = [:]
    var indentation = Indentation()
    var atLineStart = true
    var position: ListPosition?
    var steps = 0
    var depth = 0
    var stackBase: UInt = 0

    init(templates: [String: ParsedTemplate], data: TemplateValue) {
        self.templates = templates
        stack = [data]
    }

    /// Renders the template `name`; false when there is no such template.
    mutating func render(template name: String) -> Bool {
        guard let template = templates[name] else { return false }
        stackBase = LargeStack.address()
        output.reserveCapacity(16 << 10)
        render(template.nodes)
        return true
    }

    private mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            guard problem == nil else { return }
            switch node {
            case .text(let text):
                writeText(text)
            case .variable(let name, let escaped):
                guard let value = lookup(name) else { continue }
                writeValue(value.interpolated, escaped: escaped)
            case .section(let name, let nodes, let inverted):
                section(lookup(name), nodes, inverted: inverted)
            case .partial(let call):
                partial(call)
            case .block(let name, let defaultNodes, let blockIndentation):
                if let filling = blocks[name] {
                    fill(filling, indentation: blockIndentation)
                } else {
                    render(defaultNodes)
                }
            }
        }
    }

    private mutating func section(_ value: TemplateValue?, _ nodes: [TemplateNode], inverted: Bool) {
        let truthy = value?.isTruthy ?? false
        guard !inverted else {
            if !truthy { render(nodes) }
            return
        }
        guard truthy, let value, checkStack() else { return }
        let outerPosition = position
        defer { position = outerPosition }
        switch value {
        case .flag:
            render(nodes)
        case .list(let items):
            for (index, item) in items.enumerated() {
                guard spend() else { return }
                position = ListPosition(index: index, count: items.count)
                stack.append(item)
                render(nodes)
                stack.removeLast()
                if problem != nil { return }
            }
        default:
            position = nil
            stack.append(value)
            render(nodes)
            stack.removeLast()
        }
    }

    private mutating func partial(_ call: PartialCall) {
        let name: String
        switch call.target {
        case .fixed(let fixed): name = fixed
        case .dynamic(let key):
            guard case .text(let named)? = lookup(key) else { return }
            name = named
        }
        guard let template = templates[name], spend() else { return }
        guard depth < Self.depthLimit, checkStack() else {
            problem = .tooDeep
            return
        }
        let saved = (blocks, indentation, position, depth)
        defer { (blocks, indentation, position, depth) = saved }
        if let overrides = call.overrides {
            // The blocks filled nearer the page win over the ones its parents fill.
            blocks.merge(overrides) { nearer, _ in nearer }
        }
        if let lineIndentation = call.indentation {
            indentation = Indentation(strip: "", add: indentation.applied(to: lineIndentation))
            atLineStart = true
        } else {
            indentation = Indentation(strip: "", add: indentation.add)
        }
        position = nil
        depth += 1
        render(template.nodes)
    }

    /// A block filled by a child template: its content, re-indented to the place it fills.
    private mutating func fill(_ filling: BlockOverride, indentation blockIndentation: BlockIndentation) {
        guard spend() else { return }
        // A block's filling may hold a slot of the same name, which it fills again.
        guard depth < Self.depthLimit else {
            problem = .tooDeep
            return
        }
        let saved = (indentation, position, depth)
        defer { (indentation, position, depth) = saved }
        depth += 1
        switch blockIndentation {
        case .none:
            indentation = Indentation(strip: filling.intrinsicIndentation, add: indentation.add)
            atLineStart = false
        case .everyLine(let whitespace):
            indentation = Indentation(strip: filling.intrinsicIndentation, add: indentation.applied(to: whitespace))
            atLineStart = true
        case .laterLines(let whitespace):
            indentation = Indentation(strip: filling.intrinsicIndentation, add: indentation.applied(to: whitespace))
            atLineStart = false
        }
        position = nil
        render(filling.nodes)
    }
}

extension TemplateRenderer {
    /// Renders `data` with the template `name` on a thread with a known, large stack; nil when there is
    /// no such template, and the problem when the render had to be stopped.
    static func render(_ data: TemplateValue, template name: String, templates: [String: ParsedTemplate])
        -> Result<String?, TemplateRenderProblem> {
        var renderer = TemplateRenderer(templates: templates, data: data)
        var found = false
        let work = { found = renderer.render(template: name) }
        // On a thread with room to spare (`concurrentMap`'s), the render runs where it is; handing it to
        // another thread and waiting costs two thread switches a page.
        if let left = LargeStack.remaining(), left > stackBudget + (1 << 20) {
            work()
        } else {
            RenderThreads.shared.run(work)
        }
        if let problem = renderer.problem { return .failure(problem) }
        return .success(found ? renderer.output : nil)
    }
}
