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
        let stopping = StopHandle()
        // First of all, so that a Ctrl-C at any moment from here on stops the server.
        StopSignal.onStop {
            stopping.server?.stop()
            Console.say("\nStopped.")
            Foundation.exit(0)
        }
        let options = PreviewServer.Options(build: site.buildOptions(force: force), host: host, port: UInt16(port))
        let server: PreviewServer
        let url: URL
        do {
            server = try PreviewServer(options: options)  // the port is claimed before the first build
            stopping.server = server
            report(await server.rebuild())
            url = try server.start()
        } catch {
            Console.printDiagnostics([.error(error.message, at: nil, hint: error.hint)], quiet: false)
            throw ExitCode(1)
        }
        Console.say("Serving \(site.output)/ at \(url) (press Ctrl-C to stop)")
        try await server.watch { event in report(event) }
    }

    private func report(_ event: PreviewServer.BuildEvent) {
        Console.printDiagnostics(event.diagnostics, quiet: site.quiet)
        if event.succeeded {
            if !site.quiet { Console.say("Built \(event.pageCount) pages in \(event.milliseconds) ms -> \(site.output)/") }
        } else {
            Console.say("Build failed; the browser shows the errors, and the last good site stays in \(site.output)/")
        }
    }
}

/// The server a stop signal must close, once there is one.
final class StopHandle: @unchecked Sendable {
    private let lock = NSLock()
    private var current: PreviewServer?

    var server: PreviewServer? {
        get { lock.withLock { current } }
        set { lock.withLock { current = newValue } }
    }
}
