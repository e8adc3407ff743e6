/// A JSON value whose object keys keep the order they were written in, so output is byte-identical
/// from build to build.
public indirect enum JSON: Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSON])
    case object([(String, JSON)])


    /// Compact or indented JSON. With `forScript`, `<`, `>` and `&` are written as `\u003c` etc.,
    /// so the text can sit inside an HTML `<script>` element without ending it.
    public func serialized(indent: Int? = nil, forScript: Bool = false) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0, forScript: forScript)
        return out
    }

    private func write(to out: inout String, indent: Int?, level: Int, forScript: Bool) {
        let newline = indent == nil ? "" : "\n"
        func pad(_ level: Int) -> String { String(repeating: " ", count: (indent ?? 0) * level) }
        switch self {
        case .string(let text): JSON.writeString(text, to: &out, forScript: forScript)
        case .number(let number):
            if number == number.rounded(), abs(number) < 1e15 { out += String(Int(number)) } else { out += "\(number)" }
        case .integer(let number): out += String(number)
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad(level + 1)
                item.write(to: &out, indent: indent, level: level + 1, forScript: forScript)
                out += (index < items.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (index, (key, value)) in members.enumerated() {
                out += pad(level + 1)
                JSON.writeString(key, to: &out, forScript: forScript)
                out += indent == nil ? ":" : ": "
                value.write(to: &out, indent: indent, level: level + 1, forScript: forScript)
                out += (index < members.count - 1 ? "," : "") + newline
            }
            out += pad(level) + "}"
        }
    }

    private static func writeString(_ text: String, to out: inout String, forScript: Bool) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<" where forScript: out += "\\u003c"
            case ">" where forScript: out += "\\u003e"
            case "&" where forScript: out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
