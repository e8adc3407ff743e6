#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Byte-level text helpers. Foundation's `range(of:)` and `replacingOccurrences` copy the whole string
// into an NSString on Linux at every call, which made them most of a large build's time.

extension String {
    /// Calls `body` with the string's UTF-8 bytes, without copying them when the string is native.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var copy = self
        return copy.withUTF8(body)
    }

    /// The byte offsets where `pattern` starts in `haystack`, left to right, not overlapping.
    static func offsets(of pattern: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> [Int] {
        guard let first = pattern.first, pattern.count <= haystack.count, let base = haystack.baseAddress else { return [] }
        var offsets: [Int] = []
        var index = 0
        let last = haystack.count - pattern.count
        while index <= last {
            // memchr finds the next candidate first byte far faster than a Swift loop.
            guard let found = memchr(base + index, Int32(first), last - index + 1) else { break }
            let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + candidate, pattern, pattern.count) == 0 {
                offsets.append(candidate)
                index = candidate + pattern.count
            } else {
                index = candidate + 1
            }
        }
        return offsets
    }

    /// Every `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        let pattern = Array(target.utf8)
        return withBytes { bytes in
            let offsets = Self.offsets(of: pattern, in: bytes)
            guard !offsets.isEmpty else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var position = 0
            for offset in offsets {
                out += bytes[position..<offset]
                out += replacement.utf8
                position = offset + pattern.count
            }
            out += bytes[position...]
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The values of every `marker"value"` (such as ` id="`), up to the closing quote.
    func quotedValues(after marker: String) -> [String] {
        let pattern = Array(marker.utf8)
        return withBytes { bytes in
            Self.offsets(of: pattern, in: bytes).compactMap { offset in
                let start = offset + pattern.count
                guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            }
        }
    }
}

extension String {
    /// The text with CRLF (Windows) and lone CR (old Mac editors) line ends turned into LF, so every
    /// reader after this counts lines the same way. Text without CR is returned as it is.
    func normalizingLineEnds() -> String {
        withBytes { bytes in
            guard let base = bytes.baseAddress, memchr(base, 0x0D, bytes.count) != nil else { return self }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D {
                    out.append(0x0A)
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                } else {
                    out.append(byte)
                }
                index += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space (spaces, tabs, line breaks).
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(self[first..<scalars.index(after: last)])
    }

    /// Whether the text is empty or only white space.
    var isBlank: Bool { unicodeScalars.allSatisfy(\.properties.isWhitespace) }
}
