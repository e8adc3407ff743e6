import Dispatch

/// Maps `items` on `jobs` threads, keeping the order of `items` in the result. `transform` runs on
/// several threads at once, so it must be `@Sendable`: the compiler then refuses one that captures
/// shared mutable state.
func concurrentMap<Item: Sendable, Result: Sendable>(_ items: [Item], jobs: Int,
                                                      _ transform: @Sendable (Item) -> Result) -> [Result] {
    let jobs = max(1, min(jobs, items.count))
    if jobs == 1 { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        let slots = Slots<Result>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            var index = worker
            while index < items.count {
                slots.set(index, transform(items[index]))
                index += jobs
            }
        }
        return slots.values()
    }
}

/// The results, one slot per item; each slot is written by one worker only, and read once all are done.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let pointer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: nil)
    }

    deinit {
        pointer.deinitialize()
        pointer.deallocate()
    }

    func set(_ index: Int, _ value: Value) { pointer[index] = value }

    func values() -> [Value] { pointer.map { $0! } }
}
