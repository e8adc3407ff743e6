import Foundation

/// Threads with large stacks that renders run on, kept for the next render: starting a thread costs
/// more than rendering a small page.
final class RenderThreads: @unchecked Sendable {
    static let shared = RenderThreads()
    private let lock = NSLock()
    private var idle: [Worker] = []

    /// Runs `work` on one of the threads and waits for it.
    func run(_ work: () -> Void) {
        lock.lock()
        let worker = idle.popLast() ?? Worker()
        lock.unlock()
        withoutActuallyEscaping(work) { worker.run($0) }
        lock.lock()
        idle.append(worker)
        lock.unlock()
    }

    private final class Worker: @unchecked Sendable {
        private let start = DispatchSemaphore(value: 0)
        private let done = DispatchSemaphore(value: 0)
        private var work: (() -> Void)?

        init() {
            let thread = Thread { [self] in
                while true {
                    start.wait()
                    work?()
                    done.signal()
                }
            }
            thread.stackSize = LargeStack.size
            thread.start()
        }

        func run(_ work: @escaping () -> Void) {
            self.work = work
            start.signal()
            done.wait()
            self.work = nil
        }
    }
}
