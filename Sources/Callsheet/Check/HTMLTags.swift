/// A start tag found in HTML: its name, attributes (values unescaped for `&amp;`, `&quot;`, `&#39;`,
/// `&lt;`, `&gt;`) and the text up to the next tag (for headings and titles).
struct HTMLTag {
    var name: String
    var attributes: [String: String]
    /// Where the tag starts in the page, as a 1-based line.
    var line: Int
}

/// A small scanner for the HTML the build writes: start tags with attributes, skipping comments and
/// the insides of `<script>` and `<style>`.
enum HTMLTags {
    static func scan(_ html: String) -> [HTMLTag] {
        var tags: [HTMLTag] = []
        let bytes = Array(html.utf8)
        var index = 0
        var line = 1
        func advance(to end: Int) {
            while index < end && index < bytes.count {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
            }
        }
        func find(_ needle: String, from start: Int) -> Int? {
            let pattern = Array(needle.utf8)
            var position = start
            search: while position + pattern.count <= bytes.count {
                for offset in 0..<pattern.count where bytes[position + offset] != pattern[offset] {
                    position += 1
                    continue search
                }
                return position
            }
            return nil
        }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { advance(to: index + 1); continue }
            if find("<!--", from: index) == index {
                advance(to: (find("-->", from: index + 4) ?? bytes.count) + 3)
                continue
            }
            guard let close = find(">", from: index) else { break }
            let inside = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
            let startLine = line
            advance(to: close + 1)
            guard let first = inside.first, first.isLetter else { continue }
            let tag = parseTag(inside, line: startLine)
            tags.append(tag)
            if tag.name == "script" || tag.name == "style" {
                advance(to: find("</\(tag.name)", from: index) ?? bytes.count)
            }
        }
        return tags
    }

    static func parseTag(_ text: String, line: Int) -> HTMLTag {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\n" || scalar == "\t" || scalar == "\r" || scalar == "/" }
        var name = ""
        while index < scalars.count, !isSpace(scalars[index]) { name.unicodeScalars.append(scalars[index]); index += 1 }
        var attributes: [String: String] = [:]
        while index < scalars.count {
            while index < scalars.count, isSpace(scalars[index]) { index += 1 }
            var key = ""
            while index < scalars.count, !isSpace(scalars[index]), scalars[index] != "=" { key.unicodeScalars.append(scalars[index]); index += 1 }
            guard !key.isEmpty else { break }
            var value = ""
            if index < scalars.count, scalars[index] == "=" {
                index += 1
                if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
                    let quote = scalars[index]
                    index += 1
                    while index < scalars.count, scalars[index] != quote { value.unicodeScalars.append(scalars[index]); index += 1 }
                    index += 1
                } else {
                    while index < scalars.count, !isSpace(scalars[index]) { value.unicodeScalars.append(scalars[index]); index += 1 }
                }
            }
            attributes[key.lowercased()] = unescape(value)
        }
        return HTMLTag(name: name.lowercased(), attributes: attributes, line: line)
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.prefix(10).firstIndex(of: ";") else { out += "&"; rest = after; continue }
            let name = after[..<semicolon]
            let named: [Substring: String] = ["quot": "\"", "amp": "&", "lt": "<", "gt": ">", "apos": "'"]
            var decoded: String?
            if let value = named[name] {
                decoded = value
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
                decoded = String(Character(scalar))
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                decoded = String(Character(scalar))
            }
            if let decoded {
                out += decoded
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    /// The text between `<tag ...>` and `</tag>` for each such element (titles and headings), tags removed.
    static func texts(of tag: String, in html: String) -> [String] {
        var texts: [String] = []
        var rest = html[...]
        while let open = rest.range(of: "<\(tag)"), let startClose = rest[open.upperBound...].firstIndex(of: ">") {
            let after = rest[open.upperBound...]
            guard let first = after.first, first == ">" || first == " " else { rest = after; continue }
            guard let end = rest[startClose...].range(of: "</\(tag)>") else { break }
            let inner = rest[rest.index(after: startClose)..<end.lowerBound]
            texts.append(unescape(stripTags(String(inner))).trimmingSpaces())
            rest = rest[end.upperBound...]
        }
        return texts
    }

    static func stripTags(_ html: String) -> String {
        var out = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { out.append(character) }
        }
        return out
    }
}

import Foundation
