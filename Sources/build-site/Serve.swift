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

    @Option(help: "The port to listen on; 0 picks a free one.")
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
        let server: PreviewServer
        do {
            server = try PreviewServer(options: options)
        } catch {
            Console.printDiagnostics([.error("cannot listen on \(host): \(error)", at: nil,
                                             hint: "use an IP address such as 127.0.0.1")], quiet: false)
            throw ExitCode(1)
        }
        report(await server.rebuild())
        let url: URL
        do {
            url = try await server.start()
        } catch {
            Console.printDiagnostics([.error("cannot serve on \(host) port \(port): \(error)", at: nil,
                                             hint: "another program may be using the port; try --port 0 to pick a free one")],
                                     quiet: false)
            throw ExitCode(1)
        }
        Console.say("Serving \(site.output)/ at \(url) (press Ctrl-C to stop)")
        StopSignal.onInterrupt {
            await server.stop()
            Console.say("\nStopped.")
            Foundation.exit(0)
        }
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

/// Runs a cleanup once on Ctrl-C or a termination signal.
enum StopSignal {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

    static func onInterrupt(_ action: @escaping @Sendable () async -> Void) {
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { Task { await action() } }
            source.resume()
            return source
        }
    }
}
