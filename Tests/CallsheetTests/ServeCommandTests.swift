import Foundation
import Testing
@testable import CallsheetServer
#if canImport(Glibc)
import Glibc
#endif

extension ServeSuites {
    /// `build-site serve` as a coordinator runs it: started, stopped with Ctrl-C, given bad flags.
    @Suite struct ServeCommandTests {
        /// A running `build-site serve` whose output is collected as it comes.
        final class ServeProcess: @unchecked Sendable {
            let process = Process()
            private let lock = NSLock()
            private var out = Data(), err = Data()
            private let outPipe = Pipe(), errPipe = Pipe()

            init(_ arguments: [String], in directory: URL) throws {
                process.executableURL = CommandLineTests.executable
                process.arguments = ["serve"] + arguments
                process.currentDirectoryURL = directory
                process.standardOutput = outPipe
                process.standardError = errPipe
                // At the end of the output the handler takes itself off: Dispatch would otherwise keep
                // watching a pipe that is closed when this object goes, and its event loop crashed on
                // the file descriptor once the number was reused.
                outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                    let data = handle.availableData
                    if data.isEmpty { handle.readabilityHandler = nil; return }
                    self?.lock.withLock { self?.out.append(data) }
                }
                errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                    let data = handle.availableData
                    if data.isEmpty { handle.readabilityHandler = nil; return }
                    self?.lock.withLock { self?.err.append(data) }
                }
                try process.run()
            }

            var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
            var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

            /// The port in the `Serving ... at http://HOST:PORT/` line, once it is printed.
            func waitForURL(timeout: Double = 60) -> UInt16? {
                let deadline = Date(timeIntervalSinceNow: timeout)
                while Date() < deadline, process.isRunning {
                    if let match = stdout.firstMatch(of: /Serving .* at http:\/\/[^:]+:(\d+)\//) { return UInt16(match.1) }
                    Thread.sleep(forTimeInterval: 0.01)
                }
                return nil
            }

            /// Whether the process ended within `timeout` seconds.
            func waitForExit(timeout: Double) -> Bool {
                let deadline = Date(timeIntervalSinceNow: timeout)
                while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.005) }
                return !process.isRunning
            }

            func signal(_ number: Int32) { kill(process.processIdentifier, number) }

            deinit {
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                outPipe.fileHandleForReading.readabilityHandler = nil
                errPipe.fileHandleForReading.readabilityHandler = nil
            }
        }

        @Test(arguments: [SIGINT, SIGTERM])
        func aStopSignalStopsAtOnceEvenWithClientsConnected(signal: Int32) throws {
            let site = try TestSite.sample()
            defer { site.remove() }
            let serve = try ServeProcess(["--port", "0"], in: site.root)
            let port = try #require(serve.waitForURL())
            let (socket, status) = try PreviewServerAttackTests.openReloadSocket(port: port, origin: nil)
            #expect(status == 101)
            let huge = try RawClient(port: port)
            huge.send("GET /" + String(repeating: "a", count: 200_000))
            let start = Date()
            serve.signal(signal)
            #expect(serve.waitForExit(timeout: 0.5), "still running 0.5 s after the signal")
            #expect(Date().timeIntervalSince(start) < 0.5)
            #expect(serve.process.terminationReason == .exit && serve.process.terminationStatus == 0)
            #expect(socket.isClosedByServer(within: 0.5))
            Thread.sleep(forTimeInterval: 0.1)
            #expect(serve.stdout.hasSuffix("Stopped.\n"))
        }

        @Test func aCtrlCTheMomentTheAddressIsPrintedIsNotLost() throws {
            let site = try TestSite.sample()
            defer { site.remove() }
            for _ in 0..<3 {
                let serve = try ServeProcess(["--port", "0"], in: site.root)
                #expect(serve.waitForURL() != nil)
                serve.signal(SIGINT)
                #expect(serve.waitForExit(timeout: 1))
                #expect(serve.process.terminationReason == .exit && serve.process.terminationStatus == 0)
            }
        }

        @Test func aPortInUseIsReportedBeforeBuilding() throws {
            let site = try TestSite.sample()
            defer { site.remove() }
            let holder = try PreviewServer(options: .init(build: site.options(output: "other"), port: 0))
            defer { holder.stop() }
            let port = UInt16(try holder.start().port ?? 0)
            let serve = try ServeProcess(["--port", "\(port)"], in: site.root)
            #expect(serve.waitForExit(timeout: 10))
            #expect(serve.process.terminationStatus == 1)
            Thread.sleep(forTimeInterval: 0.1)
            #expect(serve.stderr.hasPrefix("error: the port \(port) is already in use on 127.0.0.1\n"), "\(serve.stderr)")
            #expect(!FileManager.default.fileExists(atPath: site.path("public")), "it built before finding the port taken")
        }

        @Test(arguments: ["-1", "65536", "many"])
        func aBadPortIsNamedAsSuch(port: String) throws {
            let serve = try ServeProcess(["--port", port], in: FileManager.default.temporaryDirectory)
            #expect(serve.waitForExit(timeout: 10))
            #expect(serve.process.terminationStatus == 1)
            Thread.sleep(forTimeInterval: 0.1)
            #expect(serve.stderr.contains("--port"), "\(serve.stderr)")
            #expect(!serve.stderr.contains("Missing value"), "\(serve.stderr)")
        }

        @Test func localhostIsAHostToServeOn() throws {
            let site = try TestSite.sample()
            defer { site.remove() }
            let serve = try ServeProcess(["--host", "localhost", "--port", "0"], in: site.root)
            let port = try #require(serve.waitForURL())
            #expect(serve.stdout.contains("at http://localhost:\(port)/"))
            #expect(try RawClient.request("GET", "/", port: port, headers: ["Host: localhost:\(port)"]).status == 200)
            serve.signal(SIGINT)
            #expect(serve.waitForExit(timeout: 1))
        }
    }
}
