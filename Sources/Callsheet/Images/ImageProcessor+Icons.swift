extension ImageProcessor {
    /// The site's icons, by output path: `favicon.ico` (16 and 32 px), `apple-touch-icon.png` (180 px,
    /// no transparency, which iOS would show black), and `icon-192.png` and `icon-512.png` for the web
    /// manifest. A source that is not square is cut around its centre.
    func icons(_ bytes: [UInt8]) -> Result<[String: [UInt8]], ImageProblem> {
        guard let format = ImageFormat.sniff(bytes), let file = VipsImage.file(bytes), let header = file.header() else {
            return .failure(.unreadable)
        }
        if format != .svg, min(header.width, header.height) < settings.smallestIcon {
            return .failure(.tooSmall(width: header.width, height: header.height,
                                      needed: "at least \(settings.smallestIcon) x \(settings.smallestIcon) px (512 x 512 is best)"))
        }
        func square(_ size: Int) -> VipsImage? { file.thumbnail(width: size, height: size, crop: .centre, enlarge: true) }
        var files: [String: [UInt8]] = [:]
        for size in [192, 512] {
            guard let png = square(size)?.encoded(as: .png, quality: 0) else { return .failure(.unreadable) }
            files["icon-\(size).png"] = png
        }
        guard let touch = square(180)?.flattened(onto: 0xFFFFFF)?.encoded(as: .png, quality: 0) else { return .failure(.unreadable) }
        files["apple-touch-icon.png"] = touch
        var entries: [(size: Int, png: [UInt8])] = []
        for size in [16, 32] {
            guard let png = square(size)?.encoded(as: .png, quality: 0) else { return .failure(.unreadable) }
            entries.append((size, png))
        }
        files["favicon.ico"] = Self.ico(entries)
        return .success(files)
    }

    /// An ICO file holding PNG images (every browser reads PNG inside ICO).
    static func ico(_ images: [(size: Int, png: [UInt8])]) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
        func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16((value >> 16) & 0xFFFF) }
        var bytes = le16(0) + le16(1) + le16(images.count)
        var offset = 6 + 16 * images.count
        for image in images {
            let side = UInt8(image.size >= 256 ? 0 : image.size)
            bytes += [side, side, 0, 0] + le16(1) + le16(32) + le32(image.png.count) + le32(offset)
            offset += image.png.count
        }
        for image in images { bytes += image.png }
        return bytes
    }
}
