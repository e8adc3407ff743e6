import Foundation

/// Maps `items` on `jobs` threads, keeping the order of `items` in the result. `transform` runs on
/// several threads at once, so it must be `@Sendable`: the compiler then refuses one that captures
/// shared mutable state. Each thread takes the next item when it is free (pages differ in cost, so a
/// fixed share could leave one thread idle), and has a large stack, so a page's render runs on it
/// directly (`TemplateRenderer`) rather than being handed to another thread.
func concurrentMap<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int,
                                                      _ transform: @Sendable (Item) -> Result) -> [Result] {
    let jobs = max(1, min(jobs, items.count))
    if jobs == 1 { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        let slots = Slots<Result>(count: items.count)
        let work = Work(transform)
        let done = DispatchGroup()
        for _ in 0..<jobs {
            done.enter()
            // The thread object outlives the work a moment, so it holds `work`, never `transform` itself.
            let thread = Thread {
                while let index = slots.claim(), let transform = work.transform { slots.set(index, transform(items[index])) }
                done.leave()
            }
            thread.stackSize = LargeStack.size
            thread.start()
        }
        done.wait()
        work.transform = nil
        return slots.values()
    }
}

/// The function the workers call, let go of once they are done.
private final class Work<Item, Result>: @unchecked Sendable {
    var transform: (@Sendable (Item) -> Result)?
    init(_ transform: @escaping @Sendable (Item) -> Result) { self.transform = transform }
}

/// The results, one slot per item; each slot is claimed by one worker only, and read once all are done.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let pointer: UnsafeMutableBufferPointer<Value?>
    private let lock = NSLock()
    private var next = 0

    init(count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: nil)
    }

    deinit {
        pointer.deinitialize()
        pointer.deallocate()
    }

    /// The index of the next item no worker has taken, if any is left.
    func claim() -> Int? {
        lock.withLock {
            guard next < pointer.count else { return nil }
            next += 1
            return next - 1
        }
    }

    func set(_ index: Int, _ value: Value) { pointer[index] = value }

    func values() -> [Value] { pointer.map { $0! } }
}
