import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How Markdown is parsed and rendered.
public struct MarkdownOptions: Sendable, Hashable {
    /// Raw HTML in Markdown is kept only when true (site.yml `markdown: {unsafe: true}`).
    public var allowsRawHTML: Bool
    /// Straight quotes, `--` and `...` become typographic ones.
    public var smartPunctuation: Bool
    /// How a table column's alignment is written: `style="text-align: right"`, valid HTML, for the site;
    /// `align="right"` (obsolete in HTML5) only to compare with the GFM spec's reference HTML.
    public var alignmentAsAttribute: Bool

    /// Creates options; raw HTML is left out by default, smart punctuation is on.
    public init(allowsRawHTML: Bool = false, smartPunctuation: Bool = true, alignmentAsAttribute: Bool = false) {
        self.allowsRawHTML = allowsRawHTML
        self.smartPunctuation = smartPunctuation
        self.alignmentAsAttribute = alignmentAsAttribute
    }

    var cmarkOptions: Int32 {
        var options = CMARK_OPT_VALIDATE_UTF8
        if smartPunctuation { options |= CMARK_OPT_SMART }
        if allowsRawHTML { options |= CMARK_OPT_UNSAFE }
        return options
    }
}

/// One top-level block of a document, as the FAQ splitter and outline readers see it.
public struct MarkdownBlock: Sendable, Hashable {
    /// The heading level (1 to 6), or nil for any other block.
    public var headingLevel: Int?
    /// The heading's plain text; empty for other blocks.
    public var text: String
    /// The 1-based line and column in the Markdown text.
    public var line: Int
    public var column: Int
}

/// A link or image destination found in a document, offered for rewriting.
public struct MarkdownLink: Sendable, Hashable {
    /// Whether this is an image (`![alt](src)`) rather than a link.
    public var isImage: Bool
    /// The destination as written.
    public var destination: String
    /// Whether the link or image has any text (an image's text is its alt text).
    public var hasText: Bool
    /// The 1-based line and column of the link, or of its block when cmark gives none.
    public var line: Int
    public var column: Int
}

/// A Markdown document parsed by libcmark. It owns the cmark tree and frees it when it goes away;
/// no cmark pointer leaves this file.
public final class MarkdownDocument {
    private let root: OpaquePointer
    let options: MarkdownOptions
    /// The top-level blocks, in order.
    public let blocks: [MarkdownBlock]
    /// The cmark nodes of `blocks`; only this folder's files touch them.
    var blockNodes: [OpaquePointer]
    /// Where links inside table cells are in the source (cmark places them inside their cell).
    private let cellLinkPositions: [OpaquePointer: (line: Int, column: Int)]

    /// Parses `text` as CommonMark (smart punctuation on, invalid UTF-8 replaced).
    public init(_ text: String, options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
        // Source positions on when parsing (cmark then tracks lines through multi-line inlines), never when
        // rendering (they would become data-sourcepos attributes).
        root = text.withCString { cmark_parse_document($0, text.utf8.count, options.cmarkOptions | CMARK_OPT_SOURCEPOS) }
        cellLinkPositions = Self.convertTables(in: root, text: text, options: options)
        var nodes: [OpaquePointer] = []
        var blocks: [MarkdownBlock] = []
        var child = cmark_node_first_child(root)
        while let node = child {
            nodes.append(node)
            let isHeading = cmark_node_get_type(node) == CMARK_NODE_HEADING
            blocks.append(MarkdownBlock(
                headingLevel: isHeading ? Int(cmark_node_get_heading_level(node)) : nil,
                text: isHeading ? Self.plainText(of: node) : "",
                line: Int(cmark_node_get_start_line(node)),
                column: Int(cmark_node_get_start_column(node))))
            child = cmark_node_next(node)
        }
        self.blocks = blocks
        self.blockNodes = nodes
    }

    deinit {
        cmark_node_free(root)
    }

    /// Where raw HTML was written that is left out because the options do not allow it (each HTML block
    /// and each inline tag), so the build can say so; empty when raw HTML is allowed.
    public var droppedRawHTML: [(line: Int, column: Int)] {
        guard !options.allowsRawHTML, let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        var found: [(line: Int, column: Int)] = []
        var blockLine = 1, blockColumn = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let line = Int(cmark_node_get_start_line(node)), column = Int(cmark_node_get_start_column(node))
            if type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue, line > 0 { (blockLine, blockColumn) = (line, column) }
            if type == CMARK_NODE_HTML_BLOCK || type == CMARK_NODE_HTML_INLINE {
                found.append(line > 0 ? (line, column) : (blockLine, blockColumn))
            }
        }
        return found
    }

    /// Calls `rewrite` for every link and image; a non-nil result replaces its destination.
    public func rewriteLinks(_ rewrite: (MarkdownLink) -> String?) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var lastBlockLine = 1, lastBlockColumn = 1
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            let cell = cellLinkPositions[node]
            let line = cell?.line ?? Int(cmark_node_get_start_line(node)), column = cell?.column ?? Int(cmark_node_get_start_column(node))
            if type.rawValue >= CMARK_NODE_FIRST_BLOCK.rawValue, type.rawValue <= CMARK_NODE_LAST_BLOCK.rawValue, line > 0, cell == nil {
                lastBlockLine = line
                lastBlockColumn = column
            }
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE else { continue }
            let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let link = MarkdownLink(
                isImage: type == CMARK_NODE_IMAGE,
                destination: destination,
                hasText: !Self.plainText(of: node).trimmingSpaces().isEmpty,
                line: line > 0 ? line : lastBlockLine,
                column: line > 0 ? column : lastBlockColumn)
            if let replacement = rewrite(link), replacement != destination {
                cmark_node_set_url(node, replacement)
            }
        }
    }

    /// Renders the whole document.
    public func renderHTML(headingIDs: inout AnchorIDs) -> String {
        renderHTML(blocks: blocks.indices, headingShift: 0, headingIDs: &headingIDs)
    }

    /// Renders a range of top-level blocks. Headings get unique `id`s from `headingIDs` and move
    /// `headingShift` levels down (capped at 6), so a `###` inside an FAQ answer can sit under its question.
    public func renderHTML(blocks range: Range<Int>, headingShift: Int, headingIDs: inout AnchorIDs) -> String {
        var html = ""
        for index in range {
            blockNodes[index] = giveHeadingsIDs(under: blockNodes[index], shift: headingShift, ids: &headingIDs)
            guard let rendered = cmark_render_html(blockNodes[index], options.cmarkOptions) else { continue }
            defer { free(rendered) }
            html += String(cString: rendered)
        }
        return Self.tightenTableCells(Self.tightenHeadings(html))
    }

    /// cmark puts custom blocks on lines of their own; a heading reads better as `<h2 id="x">Text</h2>`.
    private static func tightenHeadings(_ html: String) -> String {
        let marker = Array(("\"" + Self.headingMark + ">\n").utf8)
        return html.withBytes { bytes in Self.tighten(bytes, marker: marker) } ?? html
    }

    private static func tighten(_ bytes: UnsafeBufferPointer<UInt8>, marker: [UInt8]) -> String? {
        let markers = String.offsets(of: marker, in: bytes)
        guard !markers.isEmpty else { return nil }
        // Cuts: (start, length, replacement). Markers become `">`; a newline before `</hN>` goes.
        var cuts: [(start: Int, length: Int, replacement: [UInt8])] = markers.map { ($0, marker.count, [0x22, 0x3E]) }
        for offset in String.offsets(of: Array("\n</h".utf8), in: bytes)
        where offset + 5 < bytes.count && (0x31...0x36).contains(bytes[offset + 4]) && bytes[offset + 5] == 0x3E {
            cuts.append((offset, 1, []))
        }
        cuts.sort { $0.start < $1.start }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var position = 0
        for cut in cuts where cut.start >= position {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<cut.start]))
            out.append(contentsOf: cut.replacement)
            position = cut.start + cut.length
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position...]))
        return String(decoding: out, as: UTF8.self)
    }

    /// Marks the opening tags this file writes, so `tightenHeadings` touches nothing else.
    private static let headingMark = " data-cs"

    /// Replaces each heading in the subtree with a custom block that renders `<hN id="...">`.
    /// Nodes are collected first: changing the tree while iterating it is not allowed.
    /// Returns the subtree's top node, which is the new wrapper when `top` itself was a heading.
    private func giveHeadingsIDs(under top: OpaquePointer, shift: Int, ids: inout AnchorIDs) -> OpaquePointer {
        var newTop = top
        var headings: [OpaquePointer] = []
        if let iterator = cmark_iter_new(top) {
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                   cmark_node_get_type(node) == CMARK_NODE_HEADING {
                    headings.append(node)
                }
            }
            cmark_iter_free(iterator)
        }
        for heading in headings {
            let level = min(6, max(1, Int(cmark_node_get_heading_level(heading)) + shift))
            let id = ids.claim(Slug.anchor(from: Self.plainText(of: heading)))
            guard let custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { continue }
            cmark_node_set_on_enter(custom, "<h\(level) id=\"\(HTML.escape(id))\"\(Self.headingMark)>")
            cmark_node_set_on_exit(custom, "</h\(level)>")
            while let child = cmark_node_first_child(heading) {
                cmark_node_unlink(child)
                cmark_node_append_child(custom, child)
            }
            cmark_node_replace(heading, custom)
            cmark_node_free(heading)
            if heading == top { newTop = custom }
        }
        return newTop
    }

    /// The text of a node's inline content: text, code and line breaks, without markup.
    private static func plainText(of node: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                text += " "
            default:
                break
            }
        }
        return text
    }
}

extension MarkdownDocument {
    /// Renders the document exactly as cmark does, without heading ids (for the spec runner).
    public func renderPlainHTML() -> String {
        guard let rendered = cmark_render_html(root, options.cmarkOptions) else { return "" }
        defer { free(rendered) }
        return Self.tightenTableCells(String(cString: rendered))
    }
}
