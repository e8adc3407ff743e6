import Foundation

extension PreviewServer {
    /// Rebuilds on every change in the content and templates folders until cancelled. A build that
    /// fails right after a change is tried once more after a further quiet period before its errors
    /// are shown: editors that empty a file and then write it make a failing build in between.
    public func watch(with watcher: any FileWatcher = makeFileWatcher(), onBuild: @escaping @Sendable (BuildEvent) -> Void) async throws {
        let changes = try watcher.changes(in: [options.build.contentDirectory, options.build.templatesDirectory])
        let pending = PendingChanges()
        let debouncer = options.debouncer
        let listener = Task {
            for await change in changes { await pending.note(change, now: Self.now()) }
        }
        defer { listener.cancel() }
        while !Task.isCancelled {
            // Idle, the loop sleeps until a change comes; then until the burst may be over.
            await pending.waitForChange()
            guard let due = await pending.due(debouncer: debouncer) else { continue }
            let wait = due - Self.now()
            if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) }
            guard let changed = await pending.take(now: Self.now(), debouncer: debouncer) else { continue }
            var event = await build(changed: changed)
            if !event.succeeded, debouncer.retry > 0 {
                if try await pending.waitForChanges(until: Self.now() + debouncer.retry) { continue }  // the save went on
                event = await build(changed: [])  // the session still holds what changed since its last good build
            }
            show(event)
            onBuild(event)
        }
    }
}

/// File events not yet acted on.
actor PendingChanges {
    private var first: Double?
    private var last: Double?
    /// The paths that changed; nil once the watcher lost events, so anything may have.
    private var paths: Set<String>? = []
    /// The watch loop, while it waits for a change.
    private var waiter: CheckedContinuation<Void, Never>?

    func note(_ change: FileChange, now: Double) {
        if first == nil { first = now }
        last = now
        switch change {
        case .changed(let path): paths?.insert(path)
        case .overflow: paths = nil
        }
        wake()
    }

    /// Returns once a change is pending (at once when one is), or when the task waiting is cancelled.
    func waitForChange() async {
        guard first == nil else { return }
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                // A cancellation that came before this point finds no waiter to wake, so it is looked at here.
                if Task.isCancelled { continuation.resume() } else { waiter = continuation }
            }
        } onCancel: {
            Task { await self.wake() }
        }
    }

    private func wake() {
        waiter?.resume()
        waiter = nil
    }

    /// When the pending burst may be over (see `Debouncer.fireTime`); nil when nothing is pending.
    func due(debouncer: Debouncer) -> Double? {
        guard let first, let last else { return nil }
        return debouncer.fireTime(firstEvent: first, lastEvent: last)
    }

    /// Whether a change comes before `deadline`.
    func waitForChanges(until deadline: Double) async throws -> Bool {
        while first == nil, PreviewServer.now() < deadline {
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        return first != nil
    }

    /// The burst's changed paths (nil: anything may have changed), once, when it is over and a rebuild is
    /// due; `.none` until then.
    func take(now: Double, debouncer: Debouncer) -> [String]?? {
        guard let first, let last, debouncer.shouldFire(now: now, firstEvent: first, lastEvent: last) else { return .none }
        self.first = nil
        self.last = nil
        defer { paths = [] }
        return .some(paths.map { $0.sorted() })
    }
}
