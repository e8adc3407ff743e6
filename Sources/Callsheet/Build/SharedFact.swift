/// One piece of what many pages share: a list, the menu, one service's card. A page's render notes
/// every piece it reads (`ReadLog`), through `TemplateContext`, which hands them out only that way; after
/// an edit, the pieces are compared with the build before (`FactTable`), and only the pages that read a
/// changed one render again.
enum SharedFact: Hashable, Sendable {
    /// The menu's entries.
    case menu
    /// The footer's pages.
    case footer
    /// Every service's card (the services list, the home page's structured data).
    case services
    /// The first services, on the home page.
    case homeServices
    /// Every news post's card.
    case posts
    /// The credits marked `featured`.
    case featuredCredits
    /// The testimonials, rendered.
    case testimonials
    /// The privacy page's address, which the contact form links to.
    case privacyPage
    /// One service's card, by site path (a service page lists a few others).
    case service(String)
}

/// The shared pieces one page's render read.
final class ReadLog {
    private(set) var facts: Set<SharedFact> = []

    func note(_ fact: SharedFact) { facts.insert(fact) }
}

/// The value of every shared piece of one language's pages, to compare a build with the one before.
struct FactTable: @unchecked Sendable {  // the values are immutable strings, lists and records of them
    private var values: [SharedFact: AnyHashable] = [:]

    mutating func set<Value: Hashable & Sendable>(_ fact: SharedFact, _ value: Value) {
        values[fact] = AnyHashable(value)
    }

    /// The pieces whose value differs from `older`'s, or that only one of the two has.
    func changed(since older: FactTable) -> Set<SharedFact> {
        var changed = Set<SharedFact>()
        for (fact, value) in values where older.values[fact] != value { changed.insert(fact) }
        for fact in older.values.keys where values[fact] == nil { changed.insert(fact) }
        return changed
    }
}
