/// A file a stylesheet asks the browser to load: `url(...)`, `@import "..."`, or a string in `image-set(...)`.
struct CSSReference: Equatable, Sendable {
    var url: String
    /// 1-based, in the CSS text (the start of `url(`, or of the string).
    var line: Int
    var column: Int
}

/// Enough of CSS Syntax Level 3's tokenizer to find every URL a stylesheet loads the way a browser
/// finds them: comments skipped, strings with escapes, `url(` in any case and with escapes in its
/// name, unquoted url tokens, `@import` followed by a string. One pass over the bytes.
struct CSSTokenizer {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// The 1-based column of the current byte, in characters.
    private var column = 1

    private init(_ css: String) { bytes = Array(css.utf8) }

    /// Every file `css` loads, in order.
    static func references(in css: String) -> [CSSReference] {
        var tokenizer = CSSTokenizer(css)
        return tokenizer.run()
    }

    private mutating func run() -> [CSSReference] {
        var found: [CSSReference] = []
        var afterImport = false
        var functions: [String] = []  // the functions we are inside, innermost last
        while index < bytes.count {
            let byte = bytes[index]
            let start = (line: line, column: column)
            func reference(_ url: String) -> CSSReference { CSSReference(url: url, line: start.line, column: start.column) }
            if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                skipComment()
                continue
            }
            if isWhitespace(byte) { advance(); continue }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let value = string()
                if afterImport || functions.last == "image-set" || functions.last == "-webkit-image-set" {
                    found.append(reference(value))
                }
                afterImport = false
                continue
            }
            afterImport = false
            if byte == UInt8(ascii: "@"), index + 1 < bytes.count, startsName(at: index + 1) {
                advance()
                afterImport = name().lowercased() == "import"
                continue
            }
            if startsName(at: index) {
                let word = name().lowercased()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "(") else { continue }
                advance()
                if word == "url" {
                    skipWhitespace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
                        found.append(reference(unquotedURL()))
                        continue
                    }
                    found.append(reference(string()))
                    skipWhitespace()
                    if index < bytes.count, bytes[index] == UInt8(ascii: ")") { advance() }
                    continue
                }
                functions.append(word)
                continue
            }
            if byte == UInt8(ascii: "(") { functions.append("") }
            if byte == UInt8(ascii: ")") { _ = functions.popLast() }
            if byte == UInt8(ascii: "\\") { advance() }  // an escaped character is a name or a delimiter, never a URL
            advance()
        }
        return found
    }

    // MARK: Tokens

    private mutating func skipComment() {
        advance(2)
        while index < bytes.count, !(bytes[index] == UInt8(ascii: "*") && peek(1) == UInt8(ascii: "/")) { advance() }
        advance(2)
    }

    /// A quoted string; a newline ends it (a bad string, which the browser drops).
    private mutating func string() -> String {
        let quote = bytes[index]
        advance()
        var value: [UInt8] = []
        while index < bytes.count, bytes[index] != quote {
            if bytes[index] == UInt8(ascii: "\n") { break }
            if bytes[index] == UInt8(ascii: "\\") {
                advance()
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { advance(); continue }
                value += escape()
                continue
            }
            value.append(bytes[index])
            advance()
        }
        if index < bytes.count, bytes[index] == quote { advance() }
        return String(decoding: value, as: UTF8.self)
    }

    /// `url(` without quotes: everything up to `)`, escapes decoded, surrounding spaces dropped.
    private mutating func unquotedURL() -> String {
        var value: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: ")") {
            if bytes[index] == UInt8(ascii: "\\") {
                advance()
                value += escape()
                continue
            }
            value.append(bytes[index])
            advance()
        }
        advance()
        while let last = value.last, isWhitespace(last) { value.removeLast() }
        return String(decoding: value, as: UTF8.self)
    }

    /// A name (an identifier, a function's or at-rule's name), escapes decoded.
    private mutating func name() -> String {
        var value: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, bytes[index + 1] != UInt8(ascii: "\n") {
                advance()
                value += escape()
            } else if isNameByte(byte) {
                value.append(byte)
                advance()
            } else {
                break
            }
        }
        return String(decoding: value, as: UTF8.self)
    }

    /// The character after a backslash: up to six hex digits and one space, or the character itself.
    private mutating func escape() -> [UInt8] {
        guard index < bytes.count else { return [] }
        var hex = ""
        while hex.count < 6, index < bytes.count, let scalar = Unicode.Scalar(UInt32(bytes[index])), scalar.properties.isASCIIHexDigit {
            hex.unicodeScalars.append(scalar)
            advance()
        }
        if hex.isEmpty {
            let byte = bytes[index]
            advance()
            return [byte]
        }
        if index < bytes.count, isWhitespace(bytes[index]) { advance() }
        let scalar = UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init) ?? "\u{FFFD}"
        return Array(String(Character(scalar)).utf8)
    }

    // MARK: Bytes

    private func startsName(at position: Int) -> Bool {
        guard position < bytes.count else { return false }
        let byte = bytes[position]
        if byte == UInt8(ascii: "-") {
            guard position + 1 < bytes.count else { return false }
            let next = bytes[position + 1]
            return next == UInt8(ascii: "-") || isNameStart(next) || next == UInt8(ascii: "\\")
        }
        return isNameStart(byte) || (byte == UInt8(ascii: "\\") && position + 1 < bytes.count && bytes[position + 1] != UInt8(ascii: "\n"))
    }

    private func isNameStart(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
    }

    private func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, isWhitespace(bytes[index]) { advance() }
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if index + 1 < bytes.count, bytes[index + 1] & 0xC0 != 0x80 {
                column += 1  // the next byte starts a character
            }
            index += 1
        }
    }
}
