import Foundation

/// Processed images kept between builds, in a hidden folder beside the output
/// (`.public.callsheet-cache/`). An entry is named by the source's content hash, what was made of it,
/// the source's path (the files made are named after it) and the settings, so an edited photo or changed settings miss and everything else hits. Deleting
/// the folder only makes the next build slower.
struct ImageCache: Sendable {
    /// What one entry holds: the files made, by output path, and what pages need to know.
    struct Entry: Codable, Sendable {
        var files: [String] = []
        var info: ImageInfo?
        var social: SocialImage?
    }

    let folder: URL

    /// The cache of the output folder `output`.
    init(besideOutput output: String) {
        let resolved = URL(fileURLWithPath: output).standardizedFileURL.resolvingSymlinksInPath()
        folder = resolved.deletingLastPathComponent().appendingPathComponent(".\(resolved.lastPathComponent).callsheet-cache")
    }

    init(folder: URL) {
        self.folder = folder
    }

    /// Where an entry's file for `outputPath` is kept.
    func url(of outputPath: String, in key: String) -> URL {
        folder.appendingPathComponent(key).appendingPathComponent("files").appendingPathComponent(outputPath)
    }

    /// The entry stored under `key`, if it is whole.
    func entry(_ key: String) -> Entry? {
        let manifest = folder.appendingPathComponent(key).appendingPathComponent("entry.json")
        guard let data = FileManager.default.contents(atPath: manifest.path),
              let entry = try? JSONDecoder().decode(Entry.self, from: data) else { return nil }
        return entry
    }

    /// Stores `processed` under `key`: written into a folder of its own, then renamed into place, so a
    /// reader sees a whole entry or none. Returns the entry, or nil when the cache cannot be written.
    func store(_ processed: ProcessedImage, as key: String) -> Entry? {
        let manager = FileManager.default
        let staging = folder.appendingPathComponent(".staging-\(UUID().uuidString)")
        let entry = Entry(files: processed.files.keys.sorted(), info: processed.info, social: processed.social)
        do {
            for (path, bytes) in processed.files {
                let file = staging.appendingPathComponent("files").appendingPathComponent(path)
                try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: file)
            }
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            try encoder.encode(entry).write(to: staging.appendingPathComponent("entry.json"))
            let destination = folder.appendingPathComponent(key)
            if rename(staging.path, destination.path) != 0 {
                // Another build stored the same entry first: it holds the same bytes.
                try? manager.removeItem(at: staging)
                return self.entry(key)
            }
            return entry
        } catch {
            try? manager.removeItem(at: staging)
            return nil
        }
    }

    /// Removes every entry but `keys`, and staging folders an interrupted build left over an hour ago
    /// (a younger one may belong to a build running now).
    func prune(keeping keys: Set<String>) {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where !keys.contains(name) && name != SourceHashes.fileName {
            let url = folder.appendingPathComponent(name)
            if name.hasPrefix(".") {
                let modified = (try? manager.attributesOfItem(atPath: url.path)[.modificationDate]) as? Date
                if let modified, modified.timeIntervalSinceNow > -3600 { continue }
            }
            try? manager.removeItem(at: url)
        }
    }
}
