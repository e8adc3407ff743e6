/// A small RFC 4180 reader that keeps where each field starts, so a mistake in a spreadsheet export
/// can be reported at its line and column. Quoted fields may hold commas, doubled quotes and line breaks.
struct CSVTable: Sendable {
    struct Field: Sendable, Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    /// Every record, in order; records with only empty fields are left out.
    var records: [[Field]]

    /// A problem in the file's shape (an unclosed quote), with its position.
    struct ShapeError: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
    }

    /// Parses `text` (CRLF, LF or CR line ends).
    static func parse(_ text: String) -> Result<CSVTable, ShapeError> {
        var records: [[Field]] = []
        var record: [Field] = []
        var field = ""
        var fieldLine = 1, fieldColumn = 1
        var line = 1, column = 1
        var quoted = false, inQuotes = false, afterQuote = false
        var quoteLine = 1, quoteColumn = 1
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0

        func endField() {
            record.append(Field(text: field, line: fieldLine, column: fieldColumn))
            field = ""
            quoted = false
            afterQuote = false
        }
        func endRecord() {
            endField()
            if record.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) { records.append(record) }
            record = []
        }

        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                        column += 2
                        continue
                    }
                    inQuotes = false
                    afterQuote = true
                    column += 1
                    continue
                }
                field.unicodeScalars.append(scalar)
                if scalar == "\n" || (scalar == "\r" && (index >= scalars.count || scalars[index] != "\n")) {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !quoted:
                quoted = true
                inQuotes = true
                quoteLine = line
                quoteColumn = column
                column += 1
            case ",":
                endField()
                column += 1
                fieldLine = line
                fieldColumn = column
            case "\r", "\n":
                if scalar == "\r", index < scalars.count, scalars[index] == "\n" { index += 1 }
                endRecord()
                line += 1
                column = 1
                fieldLine = line
                fieldColumn = 1
            default:
                if afterQuote, scalar != " " {
                    return .failure(ShapeError(message: "text after a closing quote; a quote inside a quoted field is written twice (\"\")",
                                               line: line, column: column))
                }
                if !afterQuote { field.unicodeScalars.append(scalar) }
                column += 1
            }
        }
        if inQuotes {
            return .failure(ShapeError(message: "this quoted field is never closed", line: quoteLine, column: quoteColumn))
        }
        if !field.isEmpty || !record.isEmpty { endRecord() }
        return .success(CSVTable(records: records))
    }
}
