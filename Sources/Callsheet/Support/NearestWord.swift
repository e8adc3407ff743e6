/// Finds what a mistyped word was meant to be, for "did you mean ...?" hints.
public enum NearestWord {
    /// The candidate closest to `word` (a few edits away, or the one candidate it begins), or `nil`.
    public static func among(_ candidates: [String], to word: String) -> String? {
        if let near = FieldReader.nearest(to: word, in: Set(candidates)) { return near }
        let starting = candidates.filter { word.count >= 2 && $0.hasPrefix(word.lowercased()) }
        return starting.count == 1 ? starting[0] : nil
    }
}
