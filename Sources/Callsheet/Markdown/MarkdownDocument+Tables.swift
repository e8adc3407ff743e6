import CCmark

/// GitHub pipe tables on top of plain libcmark: cmark reads a table as a paragraph, so each paragraph
/// whose lines hold one is cut at the header row, and the table is built after it from custom blocks
/// (`<table>`, `<tr>`, `<th>`...) whose cells hold their text parsed as inline Markdown.
extension MarkdownDocument {
    /// Marks the cell tags this file writes, so `tightenTableCells` touches nothing else.
    static let cellMark = " data-cs-cell"

    /// Replaces pipe tables in paragraphs under `root` with table blocks. `text` is the parsed source,
    /// for the paragraphs' lines. Returns where each link and image inside a cell is in the source
    /// (cmark knows only its place in the cell).
    static func convertTables(in root: OpaquePointer, text: String, options: MarkdownOptions) -> [OpaquePointer: (line: Int, column: Int)] {
        guard text.utf8.contains(UInt8(ascii: "|")) else { return [:] }
        var paragraphs: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH {
                    paragraphs.append(node)
                }
            }
            cmark_iter_free(iterator)
        }
        let lines = text.normalizingLineEnds().split(separator: "\n", omittingEmptySubsequences: false)
        var positions: [OpaquePointer: (line: Int, column: Int)] = [:]
        for paragraph in paragraphs {
            let first = Int(cmark_node_get_start_line(paragraph)), last = Int(cmark_node_get_end_line(paragraph))
            guard first >= 1, first <= last, last <= lines.count else { continue }
            let indent = Int(cmark_node_get_start_column(paragraph)) - 1
            var own: [Substring] = [], prefixes: [Int] = []
            for number in first...last {
                let line = lines[number - 1]
                // The first line starts at the paragraph's column; later ones after their container's marks.
                let drop = number == first ? min(indent, line.utf8.count)
                    : line.utf8.prefix(indent).prefix { $0 == 0x20 || $0 == 0x09 || $0 == UInt8(ascii: ">") }.count
                own.append(Substring(line.utf8.dropFirst(drop)))
                prefixes.append(drop)
            }
            guard own.contains(where: { $0.contains("|") }), let table = PipeTable.find(in: own),
                  cut(paragraph, atLine: table.headerLine) else { continue }
            let node = build(table, options: options) { cell, row in
                (first + table.headerLine + row, prefixes[table.headerLine + row] + cell.offset + 1)
            } positions: { positions[$0] = $1 }
            cmark_node_insert_after(paragraph, node)
            if cmark_node_first_child(paragraph) == nil {
                cmark_node_unlink(paragraph)
                cmark_node_free(paragraph)
            }
        }
        return positions
    }

    /// Removes the paragraph's content from line `line` (0-based) on, so only the text above the table
    /// stays; false (and nothing changed) when that line does not start at the paragraph's top level.
    private static func cut(_ paragraph: OpaquePointer, atLine line: Int) -> Bool {
        guard line > 0 else {
            while let child = cmark_node_first_child(paragraph) { cmark_node_free(child) }
            return true
        }
        var breaks = 0
        var child = cmark_node_first_child(paragraph)
        while let node = child {
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                breaks += 1
                if breaks == line {
                    var rest: OpaquePointer? = node
                    while let doomed = rest {
                        rest = cmark_node_next(doomed)
                        cmark_node_free(doomed)
                    }
                    return true
                }
            }
            child = cmark_node_next(node)
        }
        return false
    }

    private static func block(_ enter: String, _ exit: String) -> OpaquePointer {
        let node = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(node, enter)
        cmark_node_set_on_exit(node, exit)
        return node
    }

    private static func build(_ table: PipeTable, options: MarkdownOptions,
                              place: (PipeTable.Cell, Int) -> (line: Int, column: Int),
                              positions: (OpaquePointer, (line: Int, column: Int)) -> Void) -> OpaquePointer {
        let node = block("<table>", "</table>")
        func row(_ cells: [PipeTable.Cell], tag: String, index: Int) -> OpaquePointer {
            let tr = block("<tr>", "</tr>")
            for (column, cell) in cells.enumerated() {
                let td = block("<\(tag)\(table.alignments[column].attribute(asAlign: options.alignmentAsAttribute))\(cellMark)>", "</\(tag)>")
                let paragraph = inlineParagraph(cell.text, options: options)
                let at = place(cell, index)
                forEachLink(in: paragraph) { link, column in positions(link, (at.line, at.column + max(0, column - 3))) }
                cmark_node_append_child(td, paragraph)
                cmark_node_append_child(tr, td)
            }
            return tr
        }
        let head = block("<thead>", "</thead>")
        cmark_node_append_child(head, row(table.header, tag: "th", index: 0))
        cmark_node_append_child(node, head)
        if !table.rows.isEmpty {
            let body = block("<tbody>", "</tbody>")
            for (index, cells) in table.rows.enumerated() { cmark_node_append_child(body, row(cells, tag: "td", index: index + 2)) }
            cmark_node_append_child(node, body)
        }
        return node
    }

    /// `text` parsed as the inline content of a paragraph. It is parsed after `x ` so that a cell such
    /// as `# 1` or `- a` stays text rather than becoming a heading or a list; the `x ` is then removed.
    private static func inlineParagraph(_ text: String, options: MarkdownOptions) -> OpaquePointer {
        let source = "x " + text
        let document = source.withCString { cmark_parse_document($0, source.utf8.count, options.cmarkOptions | CMARK_OPT_SOURCEPOS) }!
        defer { cmark_node_free(document) }
        guard let paragraph = cmark_node_first_child(document), cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH else {
            return cmark_node_new(CMARK_NODE_PARAGRAPH)!
        }
        cmark_node_unlink(paragraph)
        if let lead = cmark_node_first_child(paragraph), cmark_node_get_type(lead) == CMARK_NODE_TEXT,
           let literal = cmark_node_get_literal(lead) {
            let rest = String(String(cString: literal).dropFirst(2))
            if rest.isEmpty { cmark_node_free(lead) } else { cmark_node_set_literal(lead, rest) }
        }
        return paragraph
    }

    private static func forEachLink(in node: OpaquePointer, _ body: (OpaquePointer, Int) -> Void) {
        guard let iterator = cmark_iter_new(node) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { body(child, Int(cmark_node_get_start_column(child))) }
        }
    }

    /// cmark puts a custom block's content on lines of its own, and a cell's text in a paragraph:
    /// `<td data-cs-cell>\n<p>a</p>\n</td>` becomes `<td>a</td>`.
    static func tightenTableCells(_ html: String) -> String {
        guard !html.withBytes({ String.offsets(of: Array(cellMark.utf8), in: $0).isEmpty }) else { return html }
        return html.replacingAll(cellMark + ">\n<p>", with: ">").replacingAll("</p>\n</td>", with: "</td>")
            .replacingAll("</p>\n</th>", with: "</th>")
    }
}
