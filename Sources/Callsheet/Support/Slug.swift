import Foundation

/// Turns titles and question texts into URL-safe words: lower case, diacritics folded,
/// apostrophes dropped, every other run of punctuation or space a single hyphen.
public enum Slug {
    /// `"When should I hire an Intimacy Coordinator?"` becomes `when-should-i-hire-an-intimacy-coordinator`.
    public static func anchor(from text: String) -> String {
        let slug = words(from: text)
        return slug.isEmpty ? "section" : slug
    }

    /// The slug's words alone: empty when the text has no letter or digit (`🎬?`).
    public static func words(from text: String) -> String {
        // Plain ASCII (the usual case) is done byte by byte; folding through Foundation is slow.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiAnchor(text) }
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
            .lowercased()
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
        return result
    }

    private static func asciiAnchor(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "'") { continue }
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingHyphen, !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingHyphen = false
                out.append(lower)
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: out, as: UTF8.self)
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
    /// For each base, the number to try next, so 30,000 identical headings take linear time, not quadratic.
    private var nextNumber: [String: Int] = [:]

    /// Ids already taken on the page (by the template, say) can be reserved up front.
    public init(reserved: Set<String> = []) {
        used = reserved
    }

    /// Whether `id` is taken.
    public func contains(_ id: String) -> Bool { used.contains(id) }

    /// Returns `base`, or `base-2`, `base-3`... when taken, and marks it used.
    public mutating func claim(_ base: String) -> String {
        var candidate = base
        var number = nextNumber[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        if candidate != base { nextNumber[base] = number }
        used.insert(candidate)
        return candidate
    }
}
