/// What a build reads, where it writes, and how.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// Replaces site.yml's `base_url` when set.
    public var baseURL: String?
    public var includeDrafts: Bool
    /// How many pages render at once; defaults to the number of cores.
    public var jobs: Int
    /// Replace an output folder that Callsheet did not create.
    public var force: Bool
    /// Lay the templates folder over the built-in theme (a missing folder is then the built-in theme).
    public var builtInTheme: Bool

    /// Options with the defaults of `build-site`.
    public init(contentDirectory: String = "content", templatesDirectory: String = "templates",
                outputDirectory: String = "public", baseURL: String? = nil, includeDrafts: Bool = false,
                jobs: Int? = nil, force: Bool = false, builtInTheme: Bool = false) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.jobs = jobs ?? defaultJobs
        self.force = force
        self.builtInTheme = builtInTheme
    }
}

import Foundation

/// The number of cores, the default for `--jobs`.
public var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
