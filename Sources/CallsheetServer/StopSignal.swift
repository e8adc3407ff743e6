import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Ctrl-C and SIGTERM for a long-running command. The handlers are installed in one step each (no
/// moment where the signal is ignored and nothing listens), do nothing but write a byte to a pipe, and
/// a thread of their own acts on it, so a stop never waits for Swift's shared threads. A second
/// signal while the first is handled ends the process at once.
public enum StopSignal {
    nonisolated(unsafe) private static var pipeEnds: [Int32] = [-1, -1]
    /// Written by the handler, which may only make calls that are safe in a signal handler.
    nonisolated(unsafe) private static var writeEnd: Int32 = -1

    /// Runs `action` once, on its own thread, when SIGINT or SIGTERM arrives; installs nothing twice.
    public static func onStop(_ action: @escaping @Sendable () -> Void) {
        guard writeEnd < 0, pipe(&pipeEnds) == 0 else { return }
        writeEnd = pipeEnds[1]
        let readEnd = pipeEnds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            guard read(readEnd, &byte, 1) == 1 else { return }
            let worker = Thread { action() }
            worker.start()
            if read(readEnd, &byte, 1) == 1 { _exit(128 + Int32(byte)) }
        }
        thread.name = "callsheet-signals"
        thread.start()
        for number in [SIGINT, SIGTERM] {
            var handling = sigaction()
            #if canImport(Glibc)
            handling.__sigaction_handler.sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(StopSignal.writeEnd, &byte, 1)
            }
            #else
            handling.__sigaction_u.__sa_handler = { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(StopSignal.writeEnd, &byte, 1)
            }
            #endif
            handling.sa_flags = Int32(SA_RESTART)
            sigemptyset(&handling.sa_mask)
            sigaction(number, &handling, nil)
        }
    }
}
