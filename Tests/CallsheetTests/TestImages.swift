import Foundation
import Testing
@testable import Callsheet

/// Test pictures made on the spot: pixels drawn here, encoded by libvips, then given the metadata a
/// phone or an editor would add (EXIF with orientation, camera and GPS; PNG text chunks), written by
/// hand so the test does not depend on a metadata tool to make them.
enum TestImages {
    /// A `width` x `height` picture whose top half is red and bottom half blue, as a binary PPM.
    static func ppm(width: Int, height: Int) -> [UInt8] {
        var bytes = Array("P6\n\(width) \(height)\n255\n".utf8)
        bytes.reserveCapacity(bytes.count + width * height * 3)
        for y in 0..<height {
            let pixel: [UInt8] = y < height / 2 ? [220, 20, 20] : [20, 20, 220]
            for _ in 0..<width { bytes += pixel }
        }
        return bytes
    }

    /// A JPEG of fine random noise, the hardest picture to compress.
    static func noiseJPEG(width: Int, height: Int) -> [UInt8] {
        var bytes = Array("P6\n\(width) \(height)\n255\n".utf8)
        var state: UInt32 = 12345
        for _ in 0..<(width * height * 3) {
            state = state &* 1_664_525 &+ 1_013_904_223
            bytes.append(UInt8(truncatingIfNeeded: state >> 24))
        }
        return VipsImage.file(bytes)!.thumbnail(width: width)!.encoded(as: .jpeg, quality: 90)!
    }

    /// A JPEG stored `width` x `height` (red on top) with EXIF orientation 6 (shown turned a quarter
    /// clockwise, so red ends up on the right), a camera make and model, and a GPS position.
    static func phoneJPEG(width: Int, height: Int) -> [UInt8] {
        let plain = VipsImage.file(ppm(width: width, height: height))!.thumbnail(width: width)!.encoded(as: .jpeg, quality: 90)!
        let exif = Array("Exif".utf8) + [0, 0] + tiff()
        let app1: [UInt8] = [0xFF, 0xE1] + be16(exif.count + 2) + exif
        return Array(plain[0..<2]) + app1 + Array(plain[2...])
    }

    /// A PNG with tEXt chunks naming an author and a GPS position, as some editors write.
    static func taggedPNG(width: Int, height: Int) -> [UInt8] {
        let plain = VipsImage.file(ppm(width: width, height: height))!.thumbnail(width: width)!.encoded(as: .png, quality: 0)!
        let headerEnd = 8 + 25  // signature, then the IHDR chunk (length, type, 13 bytes, CRC)
        let chunks = textChunk("Author", "Sam Test") + textChunk("Comment", "GPS 51.5007 -0.1246, Pixel 8 Pro")
        return Array(plain[0..<headerEnd]) + chunks + Array(plain[headerEnd...])
    }

    // MARK: EXIF, big-endian TIFF

    private static func tiff() -> [UInt8] {
        // IFD0 at 8: Make, Model, Orientation, GPS pointer. Strings and the GPS IFD follow it.
        let ifd0Count = 4
        let ifd0Size = 2 + ifd0Count * 12 + 4
        let make = Array("Google\0".utf8), model = Array("Pixel 8 Pro\0".utf8)
        let makeOffset = 8 + ifd0Size, modelOffset = makeOffset + make.count
        let gpsOffset = modelOffset + model.count
        var bytes: [UInt8] = Array("MM".utf8) + be16(42) + be32(8)
        bytes += be16(ifd0Count)
        bytes += entry(0x010F, type: 2, count: make.count, value: be32(makeOffset))
        bytes += entry(0x0110, type: 2, count: model.count, value: be32(modelOffset))
        bytes += entry(0x0112, type: 3, count: 1, value: be16(6) + [0, 0])
        bytes += entry(0x8825, type: 4, count: 1, value: be32(gpsOffset))
        bytes += be32(0)
        bytes += make + model
        // GPS IFD: latitude N 51° 30' 2", longitude W 0° 7' 28".
        let gpsCount = 4
        let rationalsOffset = gpsOffset + 2 + gpsCount * 12 + 4
        bytes += be16(gpsCount)
        bytes += entry(0x0001, type: 2, count: 2, value: Array("N\0".utf8) + [0, 0])
        bytes += entry(0x0002, type: 5, count: 3, value: be32(rationalsOffset))
        bytes += entry(0x0003, type: 2, count: 2, value: Array("W\0".utf8) + [0, 0])
        bytes += entry(0x0004, type: 5, count: 3, value: be32(rationalsOffset + 24))
        bytes += be32(0)
        for value in [51, 30, 2, 0, 7, 28] { bytes += be32(value) + be32(1) }
        return bytes
    }

    private static func entry(_ tag: Int, type: Int, count: Int, value: [UInt8]) -> [UInt8] {
        be16(tag) + be16(type) + be32(count) + value
    }

    private static func be16(_ value: Int) -> [UInt8] { [UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)] }
    private static func be32(_ value: Int) -> [UInt8] { be16((value >> 16) & 0xFFFF) + be16(value & 0xFFFF) }

    // MARK: PNG chunks

    private static func textChunk(_ keyword: String, _ text: String) -> [UInt8] {
        let body = Array("tEXt".utf8) + Array(keyword.utf8) + [0] + Array(text.utf8)
        return be32(body.count - 4) + body + be32(Int(crc32(body)))
    }

    private static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc >> 1) ^ (crc & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        return crc ^ 0xFFFF_FFFF
    }
}

/// Reads published images with tools that share no code with Callsheet: exiftool for metadata, Pillow
/// for pixels. Each returns nil when its tool is missing (CI installs both).
enum IndependentReader {
    /// Whether both tools are here. Without them the checks that need them are skipped, unless
    /// CALLSHEET_REQUIRE_IMAGE_READERS=1 (as in CI) makes that a failure.
    static func ready() -> Bool {
        let here = run(["exiftool", "-ver"]) != nil && run(["python3", "-c", "import PIL"]) != nil
        if !here, ProcessInfo.processInfo.environment["CALLSHEET_REQUIRE_IMAGE_READERS"] == "1" {
            Issue.record("exiftool and Pillow are needed: apt-get install libimage-exiftool-perl; pip install Pillow")
        }
        return here
    }

    /// Every tag exiftool finds, as `Group:Tag` names (file-system and composite tags left out).
    static func metadataTags(of file: URL) -> [String]? {
        guard let output = run(["exiftool", "-j", "-a", "-G1", "-u", file.path]),
              let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]],
              let tags = json.first else { return nil }
        let ignored = ["SourceFile", "ExifTool", "System", "File", "Composite"]
        return tags.keys.filter { key in !ignored.contains { key == $0 || key.hasPrefix($0 + ":") } }.sorted()
    }

    /// The size Pillow reads and the colour of the pixel at the middle of the right edge.
    static func sizeAndRightEdge(of file: URL) -> (width: Int, height: Int, rgb: [Int])? {
        let script = """
        import sys
        from PIL import Image
        im = Image.open(sys.argv[1]).convert("RGB")
        w, h = im.size
        r, g, b = im.getpixel((w - 2, h // 2))
        print(w, h, r, g, b)
        """
        guard let output = run(["python3", "-c", script, file.path]) else { return nil }
        let numbers = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        guard numbers.count == 5 else { return nil }
        return (numbers[0], numbers[1], Array(numbers[2...]))
    }

    private static func run(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
    }
}
