import CVipsShim
import Foundation

/// One libvips object (an encoded file held in memory, or an image made from it), owned by this value
/// and released when it goes. No vips pointer leaves this file: callers get Swift values (sizes, bytes).
/// A value is used by one thread at a time; different values may be used on different threads.
final class VipsImage {
    /// How a thumbnail is cut to the box it must fill.
    enum Crop {
        /// Fit inside the box; the whole picture stays.
        case none
        /// Fill the box, cut around the centre.
        case centre
        /// Fill the box, cut around what draws the eye (libvips' attention crop).
        case attention
    }

    /// An image as stored: its size before and after turning it upright.
    struct Header: Equatable {
        var storedWidth: Int
        var storedHeight: Int
        var hasAlpha: Bool
        /// The EXIF orientation, 1 (upright) to 8.
        var orientation: Int
        var hasColourProfile: Bool

        /// Width and height once turned upright (orientations 5 to 8 are a quarter turn).
        var width: Int { orientation >= 5 && orientation <= 8 ? storedHeight : storedWidth }
        var height: Int { orientation >= 5 && orientation <= 8 ? storedWidth : storedHeight }
    }

    private let object: OpaquePointer

    private init(_ object: OpaquePointer) {
        self.object = object
    }

    deinit {
        cs_release(object)
    }

    /// Loads and starts libvips once per process (nothing of it is loaded before); later calls only return
    /// its answer: false when libvips 8 is not installed or cannot start.
    static let available: Bool = cs_start(1) == 0

    /// An encoded image file (JPEG, PNG, WebP, SVG) held in a copy of `bytes`; nothing is decoded yet.
    /// Nil when libvips cannot start or memory runs out.
    static func file(_ bytes: [UInt8]) -> VipsImage? {
        guard available else { return nil }
        return bytes.withUnsafeBytes { buffer in
            cs_source_new(buffer.baseAddress, buffer.count).map(VipsImage.init)
        }
    }

    /// The header of the file, or nil when it is not an image libvips can read.
    func header() -> Header? {
        guard let opened = cs_open(object) else { return nil }
        let image = VipsImage(opened)
        return Header(storedWidth: Int(cs_width(image.object)), storedHeight: Int(cs_height(image.object)),
                      hasAlpha: cs_has_alpha(image.object) != 0, orientation: Int(cs_orientation(image.object)),
                      hasColourProfile: cs_has_profile(image.object) != 0)
    }

    /// The file's picture turned upright, in 8-bit sRGB, shrunk to fit `width` x `height` (enlarged only
    /// with `enlarge`) and cut to that box unless `crop` is `.none`. Decoding happens when it is encoded.
    func thumbnail(width: Int, height: Int = 10_000_000, crop: Crop = .none, enlarge: Bool = false) -> VipsImage? {
        let mode: cs_crop
        switch crop {
        case .none: mode = cs_crop_none
        case .centre: mode = cs_crop_centre
        case .attention: mode = cs_crop_attention
        }
        return cs_thumbnail(object, Int32(clamping: width), Int32(clamping: height), mode, enlarge ? 1 : 0).map(VipsImage.init)
    }

    /// This image computed into memory, so it can be encoded more than once (a thumbnail streams from
    /// its file and can be encoded once). Nil when the file is damaged.
    func materialized() -> VipsImage? {
        cs_materialize(object).map(VipsImage.init)
    }

    /// This image with its transparency filled with `rgb` (0xRRGGBB).
    func flattened(onto rgb: UInt32) -> VipsImage? {
        cs_flatten(object, rgb).map(VipsImage.init)
    }

    var width: Int { Int(cs_width(object)) }
    var height: Int { Int(cs_height(object)) }
    var hasAlpha: Bool { cs_has_alpha(object) != 0 }

    /// The image encoded with no metadata at all; nil when it cannot be decoded (a damaged file). A
    /// thumbnail can be encoded once; `materialized()` first to encode it again.
    func encoded(as format: ImageFormat, quality: Int) -> [UInt8]? {
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32
        switch format {
        case .jpeg: status = cs_save_jpeg(object, Int32(quality), &buffer, &length)
        case .webp: status = cs_save_webp(object, Int32(quality), &buffer, &length)
        case .png, .svg: status = cs_save_png(object, &buffer, &length)
        }
        guard status == 0, let buffer else { return nil }
        defer { cs_free(buffer) }
        let bytes = Array(UnsafeRawBufferPointer(start: buffer, count: length))
        return format == .webp ? WebPChunks.strippingMetadata(bytes) : bytes
    }
}
