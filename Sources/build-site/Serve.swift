import ArgumentParser
import Callsheet
import CallsheetServer
import Foundation

/// `build-site serve`: build, serve on loopback, rebuild and reload on every change.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it at http://127.0.0.1:8000, and rebuild and reload on every change.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The address to listen on. Only this computer can connect to 127.0.0.1.")
    var host = "127.0.0.1"

    // Unconditional, so that `--port -1` reaches `validate()` instead of reading as a flag.
    @Option(parsing: .unconditional, help: "The port to listen on; 0 picks a free one.")
    var port = 8000

    @Flag(name: .long, help: "Replace an output folder that Callsheet did not create.")
    var force = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        try await serve()
    }

    /// The command's work; named apart from `run()` so that main.swift can call it without ambiguity.
    func serve() async throws {
        let options = PreviewServer.Options(build: site.buildOptions(force: force), host: host, port: UInt16(port))
        do {
            let server = try PreviewServer(options: options)  // the port is claimed before the first build
            // Before anything slow: until here a Ctrl-C ends the process as usual, from here on it stops the server.
            StopSignal.onStop {
                server.stop()
                Console.say("\nStopped.")
                Foundation.exit(0)
            }
            report(await server.rebuild())
            let url = try server.start()
            Console.say("Serving \(site.output)/ at \(url) (press Ctrl-C to stop)")
            try await server.watch { event in report(event) }
        } catch let error as ServeError {
            Console.printDiagnostics([.error(error.message, at: nil, hint: error.hint)], quiet: false)
            throw ExitCode(1)
        }
    }

    private func report(_ event: PreviewServer.BuildEvent) {
        Console.printDiagnostics(event.diagnostics, quiet: site.quiet)
        if event.succeeded {
            guard !site.quiet else { return }
            if site.verbose { Console.sayTimings(event.timings) }
            if event.renderedCount < event.pageCount {
                Console.say("Rebuilt \(event.renderedCount) of \(event.pageCount) pages in \(event.milliseconds) ms -> \(site.output)/")
            } else {
                Console.say("Built \(event.pageCount) pages in \(event.milliseconds) ms -> \(site.output)/")
            }
        } else {
            Console.say("Build failed; the browser shows the errors, and the last good site stays in \(site.output)/")
        }
    }
}
