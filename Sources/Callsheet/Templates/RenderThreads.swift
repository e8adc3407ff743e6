import Foundation

extension TemplateRenderer {
    /// Renders `data` with the template `name` on a thread with a known, large stack; nil when there is
    /// no such template, and the problem when the render had to be stopped.
    static func render(_ data: TemplateValue, template name: String, templates: [String: ParsedTemplate])
        -> Result<String?, TemplateRenderProblem> {
        var renderer = TemplateRenderer(templates: templates, data: data)
        var found = false
        let work = { found = renderer.render(template: name) }
        // On a thread with room to spare (`concurrentMap`'s), the render runs where it is; handing it to
        // another thread and waiting costs two thread switches a page.
        if let left = LargeStack.remaining(), left > stackBudget + (1 << 20) {
            work()
        } else {
            RenderThreads.shared.run(work)
        }
        if let problem = renderer.problem { return .failure(problem) }
        return .success(found ? renderer.output : nil)
    }
}

/// Threads with large stacks that renders run on, kept for the next render: starting a thread costs
/// more than rendering a small page.
private final class RenderThreads: @unchecked Sendable {
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
