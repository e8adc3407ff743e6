/// What `build-site --version` prints: the program's version and the C libraries it runs with.
public enum CallsheetVersion {
    /// The program's own version.
    public static let number = "0.1.0"

    /// The C libraries the program is running with, each with the version it reports at run time. A
    /// part that adds a library adds its line here.
    public static var libraries: [(name: String, version: String)] {
        [("libcmark", MarkdownDocument.cmarkVersion)]
    }

    /// The whole report, one line each: `build-site 0.1.0`, then `libcmark 0.30.2`...
    public static var report: String {
        (["build-site \(number)"] + libraries.map { "\($0.name) \($0.version)" }).joined(separator: "\n")
    }
}
