import ArgumentParser
import Callsheet

/// The options of the commands that write the site (build, serve): the source options, and where and
/// how to write.
struct SiteOptions: ParsableArguments {
    @OptionGroup var source: SourceOptions

    @Option(name: .long, help: ArgumentHelp("The folder the site is written to.", valueName: "dir"))
    var output = "public"

    @Flag(name: .long, help: "Print more about what the build does.")
    var verbose = false

    var quiet: Bool { source.quiet }

    func validate() throws {
        if source.quiet && verbose { throw ValidationError("--quiet and --verbose cannot be used together") }
    }

    func buildOptions(force: Bool = false) -> BuildOptions {
        source.buildOptions(output: output, force: force)
    }
}
