import Foundation

/// The theme compiled into the program from the repository's `templates/` folder (by the EmbedTheme
/// build-tool plugin), so a `build-site` binary needs no files beside it. A site's own `templates/`
/// folder is laid over it file by file (`ThemeFiles`).
public enum BuiltInTheme {
    /// Every file of the theme, by its path inside the templates folder (`layout.mustache`,
    /// `partials/nav.mustache`, `assets/style.css`).
    public static let files: [String: Data] = {
        var files: [String: Data] = [:]
        for (path, base64) in encodedFiles {
            files[path] = Data(base64Encoded: base64)
        }
        return files
    }()

    /// The theme's paths, sorted.
    public static var paths: [String] { files.keys.sorted() }
}
