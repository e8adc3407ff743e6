/// Why the preview cannot start, in words for the terminal.
public struct ServeError: Error, CustomStringConvertible {
    public var message: String
    public var hint: String?
    public var description: String { message }
}
