import CCmark

extension MarkdownDocument {
    /// The version of the libcmark the program runs with (the shared library's, not the headers').
    public static var cmarkVersion: String { String(cString: cmark_version_string()) }
}
