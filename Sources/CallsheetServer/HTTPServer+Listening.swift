import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension HTTPServer {
    /// A listening socket on `host` (an IPv4 or IPv6 address, or a name: its first IPv4 address, else
    /// its first IPv6 one) and the port it got.
    static func listen(host: String, port: UInt16) throws(ServeError) -> (Int32, UInt16) {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Socket.stream
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        var found: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let status = getaddrinfo(name, String(port), &hints, &found)
        guard status == 0, let found else {
            throw ServeError(message: "cannot listen on \(host): no address of that name (\(String(cString: gai_strerror(status))))",
                             hint: "use an address such as 127.0.0.1, or localhost")
        }
        defer { freeaddrinfo(found) }
        var candidates: [UnsafeMutablePointer<addrinfo>] = []
        var next: UnsafeMutablePointer<addrinfo>? = found
        while let entry = next {
            if entry.pointee.ai_family == AF_INET || entry.pointee.ai_family == AF_INET6 { candidates.append(entry) }
            next = entry.pointee.ai_next
        }
        guard let chosen = candidates.first(where: { $0.pointee.ai_family == AF_INET }) ?? candidates.first else {
            throw ServeError(message: "cannot listen on \(host): it has no IPv4 or IPv6 address", hint: "use an address such as 127.0.0.1")
        }
        let descriptor = socket(chosen.pointee.ai_family, Socket.stream, 0)
        guard descriptor >= 0 else { throw failure(host: host, port: port, errno) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, chosen.pointee.ai_addr, chosen.pointee.ai_addrlen) == 0, systemListen(descriptor, 128) == 0 else {
            let code = errno
            close(descriptor)
            throw failure(host: host, port: port, code)
        }
        return (descriptor, boundPort(descriptor) ?? port)
    }

    private static func boundPort(_ descriptor: Int32) -> UInt16? {
        var address = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { return nil }
        let family = Int32(address.ss_family)
        return withUnsafePointer(to: &address) { pointer -> UInt16 in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    private static func failure(host: String, port: UInt16, _ code: Int32) -> ServeError {
        switch code {
        case EADDRINUSE:
            return ServeError(message: "the port \(port) is already in use on \(host)",
                              hint: "stop the program using it, or choose another port (--port 0 picks a free one)")
        case EADDRNOTAVAIL:
            return ServeError(message: "cannot listen on \(host): it is not an address of this computer", hint: "use 127.0.0.1")
        case EACCES:
            return ServeError(message: "cannot listen on port \(port): ports below 1024 need administrator rights",
                              hint: "choose a port such as 8000")
        default:
            return ServeError(message: "cannot listen on \(host) port \(port): \(String(cString: strerror(code)))", hint: nil)
        }
    }
}

#if canImport(Glibc)
private let systemListen = Glibc.listen
#elseif canImport(Darwin)
private let systemListen = Darwin.listen
#endif
