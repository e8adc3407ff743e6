import Foundation

extension HTTPRequest {
    /// A request from its lines (the request line first); nil when they are not HTTP/1.x.
    static func parse(_ lines: [ArraySlice<UInt8>], limits: HTTPLimits) -> HTTPRequest? {
        guard let first = lines.first, first.count <= limits.requestLine else { return nil }
        let parts = first.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty,
              parts[0].allSatisfy(isTokenByte), parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return nil }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let name = line[line.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else { return nil }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingCharacters(in: [" ", "\t"])
            headers.append((String(decoding: name, as: UTF8.self).lowercased(), value))
        }
        // Two of either make the request mean two things (RFC 9112, 6.3 and 3.2): `Content-Length: 0` then
        // `Content-Length: N` read as no body made the body a second request on the same connection.
        for name in ["host", "content-length"] where headers.lazy.filter({ $0.name == name }).count > 1 { return nil }
        return HTTPRequest(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: parts[1], as: UTF8.self),
                           version: version, headers: headers)
    }

    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}
