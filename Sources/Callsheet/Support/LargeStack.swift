import CSystemShims

/// The stack of the threads that work runs on (`concurrentMap`'s, the render threads), and how much of
/// the current thread's stack is left.
enum LargeStack {
    static let size = 32 << 20

    /// Bytes of stack left below the caller on this thread, when that can be known (never on the main
    /// thread, whose size is the system's to decide).
    static func remaining() -> Int? {
        let bottom = UInt(callsheet_stack_bottom())
        let here = address()
        guard bottom > 0, here > bottom else { return nil }
        return Int(here - bottom)
    }

    /// Where the caller's stack frame is (the stack grows down: deeper calls have lower addresses).
    @inline(never)
    static func address() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
