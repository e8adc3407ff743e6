/// A GitHub pipe table found in the lines of a paragraph: a header row, a delimiter row of `---`
/// cells (a colon at either end sets the column's alignment), then data rows. Pure text work; the
/// cmark side is in `MarkdownDocument+Tables.swift`.
struct PipeTable: Equatable {
    enum Alignment: Equatable {
        case none, left, center, right

        /// The cell's attribute: a style (HTML5 has no `align` on cells), or `align` as GFM's reference HTML.
        func attribute(asAlign: Bool) -> String {
            let name: String
            switch self {
            case .none: return ""
            case .left: name = "left"
            case .center: name = "center"
            case .right: name = "right"
            }
            return asAlign ? " align=\"\(name)\"" : " style=\"text-align: \(name)\""
        }
    }

    /// One cell: its text with `\|` turned into `|`, and its 0-based byte offset in its line.
    struct Cell: Equatable {
        var text: String
        var offset: Int
    }

    /// Which line of the paragraph holds the header (lines before it stay a paragraph).
    var headerLine: Int
    var alignments: [Alignment]
    var header: [Cell]
    /// The data rows, each cut to the header's width, and padded to it (see `paddingLimit`).
    var rows: [[Cell]]

    /// The most empty cells one table gets to fill its short rows.
    static let paddingLimit = 100_000

    /// The first table in `lines`, if any: the header is the line just above the first delimiter row
    /// with as many cells as it has.
    static func find(in lines: [Substring]) -> PipeTable? {
        guard lines.count >= 2 else { return nil }
        for index in 1..<lines.count {
            guard let alignments = delimiterRow(lines[index]) else { continue }
            let header = cells(of: lines[index - 1])
            guard header.count == alignments.count, lines[index - 1].contains("|") || lines[index].contains("|") else { continue }
            // Short rows are filled with empty cells, as GFM says, up to `paddingLimit` cells in all: a header of
            // 10,000 columns over a thousand one-cell rows would otherwise be ten million cells from 46 KB. Past
            // the limit a row keeps the cells it has (HTML lets a row be short).
            var padding = 0
            let rows = lines[(index + 1)...].map { line -> [Cell] in
                var row = cells(of: line)
                if row.count > header.count { row.removeLast(row.count - header.count) }
                let missing = header.count - row.count
                if missing > 0, padding + missing <= paddingLimit {
                    padding += missing
                    row.append(contentsOf: repeatElement(Cell(text: "", offset: line.utf8.count), count: missing))
                }
                return row
            }
            return PipeTable(headerLine: index - 1, alignments: alignments, header: header, rows: rows)
        }
        return nil
    }

    /// The alignments of a delimiter row such as `| :-- | :-: | --: |`, or nil when the line is not one.
    static func delimiterRow(_ line: Substring) -> [Alignment]? {
        let cells = cells(of: line)
        guard !cells.isEmpty else { return nil }
        var alignments: [Alignment] = []
        for cell in cells {
            let text = cell.text
            let left = text.hasPrefix(":"), right = text.hasSuffix(":") && text.count > 1
            let dashes = text.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            alignments.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return alignments
    }

    /// A row's cells: split at pipes that are not escaped, one leading and one trailing pipe dropped,
    /// each cell trimmed.
    static func cells(of line: Substring) -> [Cell] {
        let bytes = Array(line.utf8)
        var start = 0, end = bytes.count
        while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        guard start < end else { return [] }
        if bytes[start] == UInt8(ascii: "|") { start += 1 }
        if end > start, bytes[end - 1] == UInt8(ascii: "|"), !isEscaped(bytes, end - 1) { end -= 1 }
        var cells: [Cell] = []
        var cellStart = start, index = start
        func close(at stop: Int) {
            var text: [UInt8] = []
            var position = cellStart
            while position < stop {
                // `\|` is a pipe in the cell's text, even inside code.
                if bytes[position] == UInt8(ascii: "\\"), position + 1 < stop, bytes[position + 1] == UInt8(ascii: "|") {
                    position += 1
                }
                text.append(bytes[position])
                position += 1
            }
            let raw = String(decoding: text, as: UTF8.self)
            let lead = raw.utf8.prefix { $0 == 0x20 || $0 == 0x09 }.count
            cells.append(Cell(text: raw.trimmingSpaces(), offset: cellStart + lead))
        }
        while index < end {
            if bytes[index] == UInt8(ascii: "|"), !isEscaped(bytes, index) {
                close(at: index)
                cellStart = index + 1
            }
            index += 1
        }
        close(at: end)
        return cells
    }

    private static func isEscaped(_ bytes: [UInt8], _ index: Int) -> Bool {
        var backslashes = 0
        var position = index - 1
        while position >= 0, bytes[position] == UInt8(ascii: "\\") {
            backslashes += 1
            position -= 1
        }
        return backslashes % 2 == 1
    }
}
