import Foundation

extension CreditList {
    /// Reads credits.csv: a header row naming columns from `keys` (in any order), then one credit a row.
    static func fromCSV(_ text: String, path: String) -> ([Credit], [Diagnostic]) {
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(path: path, line: line, column: column) }
        let table: CSVTable
        switch CSVTable.parse(text) {
        case .success(let parsed): table = parsed
        case .failure(let error): return ([], [.error(error.message, at: at(error.line, error.column))])
        }
        guard let header = table.records.first else {
            return ([], [.error("credits.csv is empty", at: at(1, 1),
                                hint: "its first line names the columns: title,year,kind,company,role,url,featured")])
        }
        var diagnostics = Diagnostics()
        var columns: [String: Int] = [:]
        for (index, field) in header.enumerated() {
            let name = field.text.trimmingCharacters(in: .whitespaces).lowercased()
            if !keys.contains(name) {
                let near = FieldReader.nearest(to: name, in: Set(keys))
                diagnostics.error("credits.csv has an unknown column `\(field.text)`", at: at(field.line, field.column),
                                  hint: near.map { "did you mean `\($0)`?" } ?? "the columns are \(keys.joined(separator: ", "))")
            } else if columns[name] != nil {
                diagnostics.error("credits.csv names the column `\(name)` twice", at: at(field.line, field.column))
            } else {
                columns[name] = index
            }
        }
        for required in ["title", "year"] where columns[required] == nil && !diagnostics.hasErrors {
            diagnostics.error("credits.csv has no `\(required)` column", at: at(header[0].line, 1),
                              hint: "its first line names the columns: title,year,kind,company,role,url,featured")
        }
        if diagnostics.hasErrors { return ([], diagnostics.all) }

        var credits: [Credit] = []
        for row in table.records.dropFirst() {
            func cell(_ name: String) -> CSVTable.Field? {
                guard let index = columns[name], index < row.count else { return nil }
                var field = row[index]
                // A line break inside a quoted cell is a space on the page.
                field.text = field.text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                    .joined(separator: " ").trimmingCharacters(in: .whitespaces)
                return field.text.isEmpty ? nil : field
            }
            // Even when the extra fields are empty, every field after an unquoted comma has moved one column on.
            if row.count > header.count {
                diagnostics.append(tooManyFields(row, columns: header.count, at: at))
                continue
            }
            let rowStart = at(row[0].line, 1)
            guard let title = cell("title") else {
                diagnostics.error("this credit has no title", at: rowStart)
                continue
            }
            guard let year = cell("year") else {
                diagnostics.error("this credit has no year", at: rowStart)
                continue
            }
            guard let sortYear = sortYear(year.text) else {
                diagnostics.error("`\(year.text)` is not a year such as 2024, or a span such as 2023-2024", at: at(year.line, year.column))
                continue
            }
            let url = cell("url")
            if let url, !isWebAddress(url.text) {
                diagnostics.error("a credit's url must be a full address starting with https://", at: at(url.line, url.column))
                continue
            }
            var featured = false
            if let flag = cell("featured") {
                switch flag.text.lowercased() {
                case "true", "yes", "y", "x", "1": featured = true
                case "false", "no", "n", "0": featured = false
                default:
                    diagnostics.error("`featured` must be yes or no, found `\(flag.text)`", at: at(flag.line, flag.column))
                    continue
                }
            }
            credits.append(Credit(title: title.text, year: year.text, sortYear: sortYear, kind: cell("kind")?.text,
                                  company: cell("company")?.text, role: cell("role")?.text, url: url?.text, featured: featured))
        }
        return (credits, diagnostics.all)
    }

    /// A row with more fields than the header has columns, placed at the likeliest comma: a field after
    /// `, ` (as in `Acme, Inc.`), else the first field past the header's width.
    private static func tooManyFields(_ row: [CSVTable.Field], columns: Int,
                                      at: (Int, Int) -> SourceLocation) -> Diagnostic {
        let counts = "this row has \(row.count) fields but the header names \(columns) columns"
        if let index = row.indices.dropFirst().first(where: { row[$0].text.hasPrefix(" ") && !row[$0 - 1].text.isEmpty }) {
            let joined = row[index - 1].text + "," + row[index].text
            return .error(counts + ": the comma before `\(row[index].text.trimmingCharacters(in: .whitespaces))` splits a field",
                          at: at(row[index - 1].line, row[index - 1].column),
                          hint: "a field holding a comma goes in double quotes: \"\(joined)\"")
        }
        let extra = row[columns]
        return .error(counts, at: at(extra.line, extra.column), hint: "a field holding a comma goes in double quotes, such as \"Acme, Inc.\"")
    }
}
