import Dispatch

/// Maps `items` on `jobs` threads, keeping the order of `items` in the result.
func concurrentMap<Item, Result>(_ items: [Item], jobs: Int, _ transform: (Item) -> Result) -> [Result] {
    let jobs = max(1, min(jobs, items.count))
    if jobs == 1 { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        let slots = Slots<Result>(count: items.count)
        let box = UncheckedBox(items: items, transform: transform)
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            var index = worker
            while index < box.items.count {
                slots.set(index, box.transform(box.items[index]))
                index += jobs
            }
        }
        return slots.values()
    }
}

/// Carries non-Sendable values into `concurrentPerform`; each index is touched by one worker only.
private struct UncheckedBox<Item, Result>: @unchecked Sendable {
    let items: [Item]
    let transform: (Item) -> Result
}

private final class Slots<Value>: @unchecked Sendable {
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
