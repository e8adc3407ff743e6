import Testing
@testable import Callsheet

/// The transforms docs/templates.md lists, which themes written for swift-mustache use.
extension MustacheEngineTests {
    static let lists = #"""
        {"names": ["cara", "ana", "bea"], "years": [2024, 2019, 2021], "mixed": ["a", 1],
         "services": [{"title": "Dubbing"}, {"title": "Casting"}]}
        """#

    @Test func listTransforms() throws {
        #expect(try render("{{first(names)}} {{last(names)}} {{count(names)}} {{first(years)}}", Self.lists) == "cara bea 3 2024")
        #expect(try render("{{#reversed(names)}}{{.}},{{/reversed(names)}}", Self.lists) == "bea,ana,cara,")
        #expect(try render("{{#sorted(names)}}{{.}},{{/sorted(names)}} {{#sorted(years)}}{{.}},{{/sorted(years)}}", Self.lists)
            == "ana,bea,cara, 2019,2021,2024,")
        #expect(try render("{{#empty(names)}}E{{/empty(names)}}{{^empty(names)}}N{{/empty(names)}}", Self.lists) == "N")
        #expect(try render("[{{#sorted(mixed)}}{{.}}{{/sorted(mixed)}}]", Self.lists) == "[]")
    }

    @Test func firstOfAListWritesAWrapperOnceAndPutsTheFirstItemOnTop() throws {
        let template = "{{#first(services)}}<ul>{{#services}}<li>{{title}}</li>{{/services}}</ul>{{/first(services)}}"
        #expect(try render(template, Self.lists) == "<ul><li>Dubbing</li><li>Casting</li></ul>")
        #expect(try render(template, "{}") == "")
        #expect(try render("{{#first(services)}}{{title}}{{/first(services)}}|{{#last(services)}}{{title}}{{/last(services)}}", Self.lists)
            == "Dubbing|Casting")
    }

    @Test func textTransforms() throws {
        let data = #"{"t": "hello wORLD", "e": ""}"#
        #expect(try render("{{capitalized(t)}}|{{lowercased(t)}}|{{uppercased(t)}}|{{reversed(t)}}", data) == "Hello World|hello world|HELLO WORLD|DLROw olleh")
        #expect(try render("{{#empty(e)}}empty{{/empty(e)}}{{^empty(t)}} not{{/empty(t)}}", data) == "empty not")
    }

    @Test func capitalizedStartsEveryWordAsSwiftMustacheDid() throws {
        // Foundation's words: a hyphen, slash, parenthesis or digit begins one; an apostrophe does not.
        #expect(try render("{{capitalized(t)}}", #"{"t": "sci-fi (short) 3d o'neil ǆ straße"}"#) == "Sci-Fi (Short) 3D O&#39;neil ǅ Straße")
    }

    @Test func transformedTextIsEscapedUnlessAskedNotTo() throws {
        #expect(try render("{{uppercased(t)}} {{{uppercased(t)}}}", #"{"t": "<b>"}"#) == "&lt;B&gt; <B>")
    }

    @Test func numberTransforms() throws {
        let data = #"{"zero": 0, "seven": 7}"#
        #expect(try render("{{#equalzero(zero)}}Z{{/equalzero(zero)}}{{^equalzero(seven)}}N{{/equalzero(seven)}}", data) == "ZN")
        #expect(try render("{{plusone(seven)}} {{minusone(zero)}}", data) == "8 -1")
        #expect(try render("{{#even(zero)}}e{{/even(zero)}}{{#odd(seven)}}o{{/odd(seven)}}{{#odd(zero)}}x{{/odd(zero)}}", data) == "eo")
    }

    @Test func groupTransformsGoInKeyOrder() throws {
        let data = #"{"langs": {"fr": "Français", "de": "Deutsch", "es": "Español"}, "none": {}}"#
        #expect(try render("{{count(langs)}}{{#empty(none)}} none{{/empty(none)}}", data) == "3 none")
        #expect(try render("{{#sorted(langs)}}{{key}}={{value}};{{/sorted(langs)}}", data) == "de=Deutsch;es=Español;fr=Français;")
        #expect(try render("{{#enumerated(langs)}}{{key}} {{/enumerated(langs)}}", data) == "de es fr ")
    }

    @Test func theCurrentItemsPlaceInItsList() throws {
        let template = "{{#names}}{{index()}}{{#first()}}^{{/first()}}{{#last()}}${{/last()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}} {{/names}}"
        #expect(try render(template, Self.lists) == "0^e 1o 2$e ")
        #expect(try render("{{#names}}{{^last()}}{{.}}, {{/last()}}{{#last()}}and {{.}}{{/last()}}{{/names}}", Self.lists) == "cara, ana, and bea")
    }

    @Test func aPlaceIsKnownInsideAListAndItsTrueSectionsOnly() throws {
        #expect(try render("[{{index()}}{{#first()}}x{{/first()}}]", Self.lists) == "[]")
        let data = #"{"items": [{"on": true, "meta": {"a": 1}}, {"on": true, "meta": {"a": 2}}]}"#
        #expect(try render("{{#items}}{{index()}}{{#meta}}[{{index()}}]{{/meta}}{{/items}}", data) == "0[]1[]")
        #expect(try render("{{#items}}{{#on}}{{index()}}{{/on}}{{#meta.a}}[{{index()}}]{{/meta.a}}{{/items}}", data) == "0[]1[]")
    }

    @Test func transformsNest() throws {
        #expect(try render("{{uppercased(first(names))}} {{plusone(count(names))}}", Self.lists) == "CARA 4")
        #expect(try render("{{#names}}{{plusone(index())}}.{{/names}}", Self.lists) == "1.2.3.")
        #expect(try render("{{#first(reversed(names))}}{{.}}{{/first(reversed(names))}}", Self.lists) == "bea")
        #expect(try render("{{capitalized(last(sorted(names)))}}", Self.lists) == "Cara")
    }

    @Test func anUnknownOrMisappliedTransformGivesNothing() throws {
        #expect(try render("[{{shout(names)}}][{{#shout(names)}}x{{/shout(names)}}][{{^shout(names)}}y{{/shout(names)}}]", Self.lists) == "[][][y]")
        #expect(try render("[{{capitalized(years)}}][{{count(first(names))}}][{{first(missing)}}][{{plusone(names)}}]", Self.lists) == "[][][][]")
        #expect(try render("[{{#odd(first(names))}}x{{/odd(first(names))}}][{{upper()}}]", Self.lists) == "[][]")
    }
}
