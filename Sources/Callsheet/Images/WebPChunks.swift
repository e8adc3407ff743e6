/// WebP's RIFF container, just enough to drop metadata chunks. libvips 8.14.1's WebP writer ignores
/// `strip` (it writes EXIF, including a phone's GPS and camera tags, whatever it is told), so the build
/// removes EXIF, XMP and ICC chunks from every WebP it writes, and clears their flags.
enum WebPChunks {
    /// `bytes` without EXIF, XMP and ICCP chunks; unchanged when it is not a well-formed WebP.
    static func strippingMetadata(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) else {
            return bytes
        }
        let dropped: Set<String> = ["EXIF", "XMP ", "ICCP"]
        var body: [UInt8] = Array("WEBP".utf8)
        var offset = 12
        while offset + 8 <= bytes.count {
            let name = String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
            let size = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            let end = offset + 8 + size + (size & 1)
            guard end <= bytes.count || offset + 8 + size == bytes.count else { return bytes }
            var chunk = Array(bytes[offset..<min(end, bytes.count)])
            if chunk.count < 8 + size + (size & 1) { chunk.append(0) }
            if name == "VP8X", chunk.count > 8 {
                chunk[8] &= ~UInt8(0x20 | 0x08 | 0x04)  // ICC, EXIF and XMP present
            }
            if !dropped.contains(name) { body += chunk }
            offset = end
        }
        let size = body.count
        return Array("RIFF".utf8) + [UInt8(size & 0xFF), UInt8((size >> 8) & 0xFF), UInt8((size >> 16) & 0xFF), UInt8((size >> 24) & 0xFF)] + body
    }
}
