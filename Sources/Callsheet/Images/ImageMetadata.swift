/// Finds, without decoding, whether a JPEG, PNG or WebP file carries the data that says where and with what
/// camera it was taken (EXIF, XMP, IPTC): what `static/` would publish as it is.
enum ImageMetadata {
    /// The kind of data found (`EXIF`, `XMP`, `IPTC`), or nil when the file carries none or is no such image.
    static func found(in bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0xFF, 0xD8]) { return jpeg(bytes) }
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) { return webp(bytes) }
        return nil
    }

    private static func has(_ bytes: [UInt8], _ prefix: String, at offset: Int) -> Bool {
        let wanted = Array(prefix.utf8)
        return offset >= 0 && offset + wanted.count <= bytes.count && Array(bytes[offset..<offset + wanted.count]) == wanted
    }

    /// Marker segments up to the image data: APP1 holds EXIF or XMP, APP13 Photoshop's IPTC.
    private static func jpeg(_ bytes: [UInt8]) -> String? {
        var at = 2
        while at + 4 <= bytes.count, bytes[at] == 0xFF {
            let marker = bytes[at + 1]
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) || marker == 0xFF { at += marker == 0xFF ? 1 : 2; continue }
            if marker == 0xDA || marker == 0xD9 { return nil }  // the image data: no more metadata segments
            let length = Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            let body = at + 4
            if marker == 0xE1, has(bytes, "Exif\0", at: body) { return "EXIF" }
            if marker == 0xE1, has(bytes, "http://ns.adobe.com/xap/1.0/", at: body) { return "XMP" }
            if marker == 0xED { return "IPTC" }
            guard length >= 2 else { return nil }
            at += 2 + length
        }
        return nil
    }

    /// Chunks: `eXIf`, XMP in an `iTXt` chunk, and text chunks (editors write an author, a place, a camera
    /// there) other than the program's name.
    private static func png(_ bytes: [UInt8]) -> String? {
        var at = 8
        while at + 8 <= bytes.count {
            let length = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            if has(bytes, "eXIf", at: at + 4) { return "EXIF" }
            if has(bytes, "iTXt", at: at + 4), has(bytes, "XML:com.adobe.xmp", at: at + 8) { return "XMP" }
            if ["tEXt", "zTXt", "iTXt"].contains(where: { has(bytes, $0, at: at + 4) }), !has(bytes, "Software\0", at: at + 8) {
                return "text"
            }
            if has(bytes, "IEND", at: at + 4) { return nil }
            guard length >= 0, length < bytes.count else { return nil }
            at += 12 + length
        }
        return nil
    }

    /// RIFF chunks `EXIF` and `XMP `.
    private static func webp(_ bytes: [UInt8]) -> String? {
        var at = 12
        while at + 8 <= bytes.count {
            let length = Int(bytes[at + 4]) | Int(bytes[at + 5]) << 8 | Int(bytes[at + 6]) << 16 | Int(bytes[at + 7]) << 24
            if has(bytes, "EXIF", at: at) { return "EXIF" }
            if has(bytes, "XMP ", at: at) { return "XMP" }
            at += 8 + length + (length & 1)
        }
        return nil
    }
}
