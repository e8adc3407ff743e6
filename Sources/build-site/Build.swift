import ArgumentParser
import Callsheet
import Foundation

/// `build-site build`: content + templates -> output folder.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into the output folder (the default command).")

    @OptionGroup var site: SiteOptions

    @Flag(name: .long, help: "Replace an output folder that Callsheet did not create.")
    var force = false

    func run() throws {
        let start = DispatchTime.now()
        Interruption.cleanUp(OutputWriter(path: site.output))
        do {
            let report = try SiteBuilder(options: site.buildOptions(force: force)).build()
            Console.printDiagnostics(report.warnings, quiet: site.quiet)
            let milliseconds = (DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000
            if site.verbose {
                Console.sayTimings(report.timings)
                Console.say("Wrote \(report.fileCount) files to \(site.output)/")
            }
            if !site.quiet {
                Console.say("Built \(report.pageCount) \(report.pageCount == 1 ? "page" : "pages") in \(milliseconds) ms -> \(site.output)/")
            }
        } catch {
            Console.printDiagnostics(error.diagnostics, quiet: site.quiet)
            throw ExitCode(1)
        }
    }
}

/// On Ctrl-C or a termination signal, leaves the output folder as it was before the build and exits.
enum Interruption {
    /// The signal sources must live as long as the process.
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func cleanUp(_ writer: OutputWriter) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                writer.recoverFromInterruption()
                FileHandle.standardError.write(Data("build-site: interrupted; the output folder is as it was\n".utf8))
                exit(130)
            }
            source.resume()
            return source
        }
    }
}

/// `build-site render-markdown`: stdin Markdown -> stdout HTML, as the site renders it (for the CommonMark spec runner).
struct RenderMarkdown: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render-markdown",
        abstract: "Render Markdown from standard input to HTML on standard output.",
        shouldDisplay: false)

    @Flag(help: "Keep raw HTML, as `markdown: {unsafe: true}` does.")
    var unsafe = false

    @Flag(name: .customLong("no-smart"), help: "Leave quotes and dashes as typed.")
    var noSmart = false

    @Flag(name: .customLong("align-attribute"), help: "Write table alignment as GFM's reference HTML does (`align=`), not as the site's style.")
    var alignAttribute = false

    func run() throws {
        let input = FileHandle.standardInput.readDataToEndOfFile()
        let text = String(decoding: input, as: UTF8.self)
        let document = MarkdownDocument(text, options: MarkdownOptions(allowsRawHTML: unsafe, smartPunctuation: !noSmart,
                                                                          alignmentAsAttribute: alignAttribute))
        FileHandle.standardOutput.write(Data(document.renderPlainHTML().utf8))
    }
}
