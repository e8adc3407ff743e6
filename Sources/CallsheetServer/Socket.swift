import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few blocking socket calls the server makes, each bounded by a deadline where one applies.
enum Socket {
    #if canImport(Glibc)
    static let stream = Int32(SOCK_STREAM.rawValue)
    private static let sendFlags = Int32(MSG_NOSIGNAL)
    #else
    static let stream = SOCK_STREAM
    private static let sendFlags: Int32 = 0
    #endif

    /// Seconds on a clock that only goes forward.
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// Waits until `descriptor` can be read (or was closed); false when `deadline` passes first.
    /// No deadline waits for as long as it takes.
    static func waitReadable(_ descriptor: Int32, until deadline: Double?) -> Bool {
        while true {
            var timeout: Int32 = -1
            if let deadline {
                let left = deadline - now()
                if left <= 0 { return false }
                timeout = Int32(min(left * 1000, 60_000).rounded(.up))
            }
            var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, timeout)
            if ready > 0 { return true }
            if ready < 0, errno != EINTR { return true }  // let the read that follows report it
        }
    }

    /// Reads what has arrived, up to `count` bytes: nil at the end of the stream or on an error.
    static func read(_ descriptor: Int32, into buffer: inout [UInt8], count: Int = 16 * 1024) -> Int? {
        var chunk = [UInt8](repeating: 0, count: count)
        while true {
            let got = recv(descriptor, &chunk, count, 0)
            if got > 0 {
                buffer.append(contentsOf: chunk[0..<got])
                return got
            }
            if got < 0, errno == EINTR { continue }
            return nil
        }
    }

    /// Sends all of `bytes`; false if the peer is gone or stopped reading for longer than the send timeout, or,
    /// with a `deadline`, has not taken them all by then (a client that reads a trickle keeps each send going).
    @discardableResult
    static func send(_ descriptor: Int32, _ bytes: [UInt8], deadline: Double? = nil) -> Bool {
        var sent = 0
        while sent < bytes.count {
            if let deadline {
                // Waits for room at most until the deadline, whatever the socket's own send timeout.
                let left = deadline - now()
                var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                if left <= 0 { return false }
                let ready = poll(&entry, 1, Int32(min(left * 1000, 60_000).rounded(.up)))
                if ready < 0, errno == EINTR { continue }
                if ready == 0 { return false }
            }
            let result = bytes.withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.send(descriptor, raw.baseAddress! + sent, bytes.count - sent, sendFlags)
                #else
                Darwin.send(descriptor, raw.baseAddress! + sent, bytes.count - sent, sendFlags)
                #endif
            }
            if result < 0, errno == EINTR { continue }
            if result <= 0 { return false }
            sent += result
        }
        return true
    }

    /// Limits how long one send may block on a client that does not read.
    static func setSendTimeout(_ descriptor: Int32, seconds: Double) {
        var value = timeval(tv_sec: .init(seconds), tv_usec: .init((seconds - seconds.rounded(.down)) * 1_000_000))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &value, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var on: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &on, socklen_t(MemoryLayout<Int32>.size))
        #endif
    }

    /// Closes after an error answer: stops sending, then reads what the client still sends for a moment,
    /// so the answer is not lost to a reset from unread bytes.
    static func closeGently(_ descriptor: Int32) {
        shutdown(descriptor, Int32(SHUT_WR))
        let deadline = now() + 0.5
        var discarded = [UInt8]()
        var total = 0
        while total < 4 * 1024 * 1024, waitReadable(descriptor, until: deadline),
              let got = read(descriptor, into: &discarded) {
            total += got
            discarded.removeAll(keepingCapacity: true)
        }
    }
}
