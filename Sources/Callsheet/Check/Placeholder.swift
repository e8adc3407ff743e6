/// The text every placeholder that `build-site new` writes contains, so `check` can say where one is
/// still waiting for the coordinator's own words.
enum Placeholder {
    static let marker = "Replace this:"
}
