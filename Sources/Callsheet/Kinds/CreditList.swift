import Foundation

/// One production the coordinator worked on.
struct Credit: Sendable, Hashable {
    var title: String
    /// As written: `2024` or `2023-2024`.
    var year: String
    /// The year it sorts by: a span's end.
    var sortYear: Int
    var kind: String?
    var company: String?
    var role: String?
    var url: String?
    var featured = false
}

/// The credits page's productions, from `credits:` in credits.md's front matter and from credits.csv beside it.
struct CreditList: PageDetails {
    var credits: [Credit] = []

    static let keys = ["title", "year", "kind", "company", "role", "url", "featured"]
    static let csvFile = "credits.csv"

    /// The credits grouped by kind in order of first use, newest first within a group (stable otherwise).
    var groups: [(kind: String?, credits: [Credit])] {
        var order: [String?] = []
        var byKind: [String?: [Credit]] = [:]
        for credit in credits {
            if byKind[credit.kind] == nil { order.append(credit.kind) }
            byKind[credit.kind, default: []].append(credit)
        }
        return order.map { kind in (kind, Self.newestFirst(byKind[kind] ?? [])) }
    }

    /// The featured credits, newest first.
    var featured: [Credit] { Self.newestFirst(credits.filter(\.featured)) }

    static func newestFirst(_ credits: [Credit]) -> [Credit] {
        credits.enumerated().sorted { a, b in
            a.element.sortYear != b.element.sortYear ? a.element.sortYear > b.element.sortYear : a.offset < b.offset
        }.map(\.element)
    }

    static func read(_ reading: inout DetailsReading) -> (any PageDetails)? {
        var list = CreditList()
        for item in reading.fields.list("credits") ?? [] {
            var fields = FieldReader(item, at: item.location, what: "each credit")
            let credit = Self.credit(from: &fields)
            fields.warnAboutUnknownKeys(known: Set(keys), in: "a credit")
            reading.fields.absorb(fields)
            if let credit { list.credits.append(credit) }
        }
        if reading.files.contains(csvFile) {
            switch reading.readText(csvFile) {
            case .success(let text):
                let (credits, problems) = fromCSV(text, path: reading.displayPath(csvFile))
                list.credits += credits
                reading.diagnostics.append(contentsOf: problems)
            case .failure(let diagnostic):
                reading.diagnostics.append(diagnostic)
            }
        }
        return list
    }

    private static func credit(from fields: inout FieldReader) -> Credit? {
        let title = fields.string("title", required: true)
        let yearText = fields.string("year", required: true)
        var sortYear: Int?
        if let yearText {
            sortYear = Self.sortYear(yearText)
            if sortYear == nil {
                fields.error("`year` must be a year such as 2024, or a span such as 2023-2024", at: "year")
            }
        }
        let url = fields.string("url")
        let urlIsGood = url.map(Self.isWebAddress) ?? true
        if !urlIsGood {
            fields.error("a credit's `url` must be a full address starting with https://", at: "url")
        }
        let credit = Credit(title: title ?? "", year: yearText ?? "", sortYear: sortYear ?? 0, kind: fields.string("kind"),
                            company: fields.string("company"), role: fields.string("role"), url: url,
                            featured: fields.bool("featured") ?? false)
        return title != nil && sortYear != nil && urlIsGood ? credit : nil
    }

    /// The year a credit sorts by (a span's end), or nil when `text` is neither a year nor a span.
    static func sortYear(_ text: String) -> Int? {
        func year(_ part: Substring) -> Int? {
            let digits = part.trimmingCharacters(in: .whitespaces)
            guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(digits)
        }
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "–" || $0 == "—" }
        switch parts.count {
        case 1: return year(parts[0])
        case 2:
            guard let start = year(parts[0]), let end = year(parts[1]), end >= start else { return nil }
            return end
        default: return nil
        }
    }

    static func isWebAddress(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && text.count > 8 && !text.contains(where: \.isWhitespace)
    }
}
