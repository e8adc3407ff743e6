import Foundation

extension SiteBuilder {
    /// Where one build keeps its processed images, so that a build that fails leaves nothing that was not
    /// there before: the cache beside the output when the folder it goes in exists (removed again after a
    /// failure if this build made it), otherwise a temporary folder, moved beside the output once the site
    /// is written.
    struct ImageScratch {
        let cache: ImageCache
        private let beside: ImageCache
        private let isTemporary: Bool
        private let isFresh: Bool

        init(output: String) {
            beside = ImageCache(besideOutput: output)
            isTemporary = !OutputWriter(path: output).canBeginEarly
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("callsheet-images-\(UUID().uuidString)")
            cache = isTemporary ? ImageCache(folder: temporary) : beside
            isFresh = isTemporary || !FileManager.default.fileExists(atPath: beside.folder.path)
        }

        /// After the build: `built` tells whether the site was written.
        func tidy(built: Bool) {
            if isTemporary, built, rename(cache.folder.path, beside.folder.path) == 0 { return }
            if isFresh, isTemporary || !built { try? FileManager.default.removeItem(at: cache.folder) }
        }
    }
}
