import Foundation

/// One thing to make from one source image.
enum ImageJob: Hashable, Sendable {
    /// The picture at its own address and its resized variants.
    case picture(String)
    /// The 1200 x 630 link-preview image.
    case social(String)
    /// The site's icons.
    case icons(String)

    var source: String {
        switch self {
        case .picture(let path), .social(let path), .icons(let path): return path
        }
    }

    var role: String {
        switch self {
        case .picture: return "picture"
        case .social: return "social"
        case .icons: return "icons"
        }
    }
}

/// The image stage of a build: makes what each job asks for, in parallel over the cores, taking what
/// an earlier build already made from the cache.
struct ImagePipeline {
    var settings = ImageSettings()
    let cache: ImageCache
    let jobs: Int

    /// What one job made: the files (output path -> the cached file to publish) and their description.
    struct Outcome: Sendable {
        var files: [String: URL] = [:]
        var info: ImageInfo?
        var social: SocialImage?
    }

    /// Runs `work`; `url` gives each source's file on disk.
    func run(_ work: [ImageJob], url: (String) -> URL) -> [ImageJob: Result<Outcome, ImageProblem>] {
        try? FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        let hashes = SourceHashes(folder: cache.folder)
        let settingsTag = String(SHA256.hex(Array(settings.fingerprint.utf8)).prefix(8))
        let processor = ImageProcessor(settings: settings)
        let sources = work.map { url($0.source) }
        let results = dynamicMap(Array(zip(work, sources)), jobs: jobs) { job, file -> (String?, Result<Outcome, ImageProblem>) in
            if case .icons = job {} else {
                let stem = ImageProcessor.stem(of: job.source).split(separator: "/").last ?? ""
                if stem.utf8.count > ImageProblem.longestStem {
                    return (nil, .failure(.nameTooLong(limit: ImageProblem.longestStem)))
                }
            }
            guard let (hash, read) = hashes.hash(of: file) else { return (nil, .failure(.unreadable)) }
            // The files made are named after the source: the same bytes under another name are another entry.
            let named = SHA256.hex(Array(job.source.utf8)).prefix(8)
            let key = "\(hash.prefix(32))-\(job.role)-\(named)-\(settingsTag)"
            if let entry = cache.entry(key) { return (key, .success(outcome(of: entry, key: key))) }
            guard let bytes = read ?? (try? SourceTree.read(file).get()).map({ [UInt8]($0) }) else {
                return (nil, .failure(.unreadable))
            }
            // Only here, with an image to make, is libvips loaded.
            guard VipsImage.available else { return (nil, .failure(.libvipsMissing)) }
            let tag = String(hash.prefix(8))
            let made: Result<ProcessedImage, ImageProblem>
            switch job {
            case .picture(let source): made = processor.picture(bytes, source: source, tag: tag)
            case .social(let source): made = processor.social(bytes, source: source, tag: tag)
            case .icons: made = processor.icons(bytes).map { ProcessedImage(files: $0) }
            }
            switch made {
            case .failure(let problem): return (nil, .failure(problem))
            case .success(let processed):
                guard let entry = cache.store(processed, as: key) else { return (nil, .failure(.unreadable)) }
                return (key, .success(outcome(of: entry, key: key)))
            }
        }
        hashes.save(keeping: Set(sources.map(\.path)))
        cache.prune(keeping: Set(results.compactMap(\.0)))
        var outcomes: [ImageJob: Result<Outcome, ImageProblem>] = [:]
        for (job, result) in zip(work, results) { outcomes[job] = result.1 }
        return outcomes
    }

    private func outcome(of entry: ImageCache.Entry, key: String) -> Outcome {
        var outcome = Outcome(info: entry.info, social: entry.social)
        for path in entry.files { outcome.files[path] = cache.url(of: path, in: key) }
        return outcome
    }
}

/// Maps `items` on `jobs` threads, each taking the next item when it is free (images differ a lot in
/// cost, so fixed shares would leave a core idle), keeping the order of `items` in the result.
func dynamicMap<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int, _ transform: @Sendable (Item) -> Result) -> [Result] {
    let workers = max(1, min(jobs, items.count))
    if workers <= 1 { return items.map(transform) }
    let queue = WorkQueue<Result>(count: items.count)
    withoutActuallyEscaping(transform) { transform in
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.take() { queue.put(transform(items[index]), at: index) }
        }
    }
    return queue.results()
}

/// The next index to work on, and the results so far, behind one lock.
private final class WorkQueue<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var slots: [Result?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.withLock {
            guard next < slots.count else { return nil }
            defer { next += 1 }
            return next
        }
    }

    func put(_ result: Result, at index: Int) { lock.withLock { slots[index] = result } }

    func results() -> [Result] { lock.withLock { slots.map { $0! } } }
}
