import Foundation

/// Turns titles and question texts into URL-safe words: lower case, diacritics folded,
/// apostrophes dropped, every other run of punctuation or space a single hyphen.
public enum Slug {
    /// `"When should I hire an Intimacy Coordinator?"` becomes `when-should-i-hire-an-intimacy-coordinator`.
    public static func anchor(from text: String) -> String {
        // Plain ASCII (the usual case) needs no folding, which is slow through Foundation.
        let folded = text.utf8.allSatisfy { $0 < 0x80 } ? text.lowercased()
            : text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil).lowercased()
        var result = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" { continue }
            if CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "section" : result
    }

    /// Whether `text` is usable as one URL path segment: lower-case letters, digits and single hyphens.
    public static func isValidSegment(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first != "-", last != "-" else { return false }
        return text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }
            && !text.contains("--")
    }
}

/// Hands out unique `id`s within one page: the second `fees` becomes `fees-2`.
public struct AnchorIDs: Sendable {
    private var used: Set<String>

    /// Ids already taken on the page (by the template, say) can be reserved up front.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    /// Returns `base`, or `base-2`, `base-3`... when taken, and marks it used.
    public mutating func claim(_ base: String) -> String {
        var candidate = base
        var number = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        used.insert(candidate)
        return candidate
    }
}


