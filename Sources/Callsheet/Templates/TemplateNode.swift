/// A name as a tag writes it, split once when the template is parsed: `page.title`, `.`, `.summary`,
/// `first(services)`, `index()`.
struct TemplateName: Hashable, Sendable {
    /// The keys to follow, in order; empty for `.` (the current item).
    var keys: [String]
    /// True for `.` and `.key`: the current item only, never an enclosing one.
    var anchored: Bool
    /// swift-mustache's transforms, innermost first: `reversed(first(x))` is `["first", "reversed"]`.
    var transforms: [String]
    /// The name as written, for messages.
    var written: String
}

/// Where a block's content goes when it is expanded: how its lines are indented.
enum BlockIndentation: Hashable, Sendable {
    /// Written after other text on its line: no indentation.
    case none
    /// Alone on its line: every line of what replaces it is indented by this.
    case everyLine(String)
    /// After this whitespace on its line, with text after it: its lines after the first are indented by it.
    case laterLines(String)
}

/// A block's content as a parent tag's body gives it (`{{<layout}}{{$main}}...{{/main}}{{/layout}}`).
struct BlockOverride: Sendable {
    var nodes: [TemplateNode]
    /// The indentation of its first line when its opening tag stands alone: removed from each line,
    /// so the content takes the indentation of the place it fills.
    var intrinsicIndentation: String
}

/// `{{> name}}`, `{{>*name}}` or a parent tag `{{< name}}...{{/name}}`.
struct PartialCall: Sendable {
    enum Target: Sendable {
        case fixed(String)
        /// `{{>*key}}`: the template named by the value of `key`.
        case dynamic(TemplateName)
    }

    var target: Target
    /// The whitespace before a tag that stands alone on its line: every line of the partial is indented by it.
    var indentation: String?
    /// For a parent tag, the blocks its body fills; nil for a partial.
    var overrides: [String: BlockOverride]?
    var line: Int
    var column: Int
}

/// One piece of a parsed template.
indirect enum TemplateNode: Sendable {
    /// Text as written; each piece holds at most one newline, at its end, so lines can be indented.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (as is).
    case variable(TemplateName, escaped: Bool)
    /// `{{#name}}...{{/name}}`, or `{{^name}}...{{/name}}` when inverted.
    case section(TemplateName, [TemplateNode], inverted: Bool)
    case partial(PartialCall)
    /// `{{$name}}default{{/name}}` outside a parent tag's body: a place a child template may fill.
    case block(name: String, defaultNodes: [TemplateNode], indentation: BlockIndentation)
}

/// One template, parsed: its nodes, and the partials and parents it names (with where), for the
/// checks made before any page renders.
struct ParsedTemplate: Sendable {
    var nodes: [TemplateNode]
    var references: [PartialReference]
}
