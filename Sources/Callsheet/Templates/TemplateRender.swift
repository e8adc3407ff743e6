import Foundation
import Mustache

/// Why a page's render was stopped.
enum TemplateRenderProblem: Error, Equatable {
    /// Templates include each other deeper than any real page needs (a partial named at render time
    /// that leads back to itself, or recursion through data).
    case tooDeep
    /// The render did more work than any real page needs (sections nested over lists multiply).
    case overBudget
}

/// One page's render, watched: every name the templates look up at the top of the page's data passes
/// through `child(named:)`, which notes how much work was done and how deep the stack is. Once either
/// passes its limit every lookup answers nothing, so sections render empty and partials named by data
/// render nothing, and the render unwinds at once instead of running out of stack or time.
final class TemplateRender: MustacheParent, @unchecked Sendable {
    /// Lookups that reach the top of a page's data; an FAQ of 1,000 questions makes about 10,000.
    static let lookupBudget = 100_000
    /// Stack a render may use, well inside the stack of the thread it runs on.
    static let stackBudget = 8 << 20

    private let data: [String: Any]
    private var lookups = 0
    private var stackBase: UInt = 0
    private(set) var problem: TemplateRenderProblem?

    private init(_ data: [String: Any]) {
        self.data = data
    }

    func child(named name: String) -> Any? {
        guard problem == nil else { return nil }
        lookups += 1
        var marker: UInt8 = 0
        let here = withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
        if lookups > Self.lookupBudget {
            problem = .overBudget
        } else if stackBase > here, stackBase - here > UInt(Self.stackBudget) {
            problem = .tooDeep
        }
        return problem == nil ? data[name] : nil
    }

    /// Renders `data` with `template` on a thread with a known, large stack, and reports a render that
    /// had to be stopped.
    static func render(_ data: [String: Any], template name: String, library: MustacheLibrary)
        -> Result<String?, TemplateRenderProblem> {
        let render = TemplateRender(data)
        var output: String?
        let work = {
            var base: UInt8 = 0
            render.stackBase = withUnsafeMutablePointer(to: &base) { UInt(bitPattern: $0) }
            output = library.render(render, withTemplate: name)
        }
        // On a thread with room to spare (`concurrentMap`'s), the render runs where it is; handing it to
        // another thread and waiting costs two thread switches a page.
        if let left = LargeStack.remaining(), left > stackBudget + (1 << 20) {
            work()
        } else {
            RenderThreads.shared.run(work)
        }
        if let problem = render.problem { return .failure(problem) }
        return .success(output)
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
