import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names under which a browser may ask for the preview. Another website can point a name of its
/// own at 127.0.0.1 (DNS rebinding) and read the preview under that name; requests under any name but
/// these, and reload sockets opened from any other origin, are refused.
struct AllowedHosts: Sendable {
    private let names: Set<String>
    private let port: UInt16
    /// Listening on every address (0.0.0.0 or ::): any IP address is a name of this computer. A
    /// rebinding page can only use a domain name, never an address.
    private let acceptsAnyAddress: Bool

    init(host: String, port: UInt16) {
        let given = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        names = ["127.0.0.1", "localhost", "[::1]", given.lowercased()]
        self.port = port
        acceptsAnyAddress = host == "0.0.0.0" || host == "::" || host == "[::]"
    }

    /// Whether a `Host` header names this server.
    func allows(host authority: String) -> Bool {
        let authority = authority.lowercased()
        let name: Substring, portText: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            name = authority[...close]
            let rest = authority[authority.index(after: close)...]
            guard rest.isEmpty || rest.hasPrefix(":") else { return false }
            portText = rest.isEmpty ? nil : rest.dropFirst()
        } else if let colon = authority.lastIndex(of: ":") {
            name = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        } else {
            name = authority[...]
            portText = nil
        }
        let requested = portText.map { UInt16($0) } ?? 80
        guard requested == port else { return false }
        return names.contains(String(name)) || (acceptsAnyAddress && Self.isAddress(name))
    }

    /// Whether an `Origin` header is a page of this server.
    func allows(origin: String) -> Bool {
        guard origin.lowercased().hasPrefix("http://") else { return false }
        let authority = origin.dropFirst("http://".count)
        guard !authority.contains("/") else { return false }
        return allows(host: String(authority))
    }

    private static func isAddress(_ name: Substring) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        if name.hasPrefix("["), name.hasSuffix("]") { return inet_pton(AF_INET6, String(name.dropFirst().dropLast()), &buffer) == 1 }
        return inet_pton(AF_INET, String(name), &buffer) == 1
    }
}
