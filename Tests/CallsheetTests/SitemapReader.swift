import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads `<loc>` and `xhtml:link` alternates out of a sitemap.
final class SitemapReader: NSObject, XMLParserDelegate {
    var locations: [String] = []
    var alternates: [String: [String: String]] = [:]
    private var text = ""
    private var links: [String: String] = [:]

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        text = ""
        if element == "link", namespaceURI == "http://www.w3.org/1999/xhtml", let lang = attributes["hreflang"] {
            links[lang] = attributes["href"]
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "loc" { locations.append(text) }
        if element == "url", let location = locations.last {
            if !links.isEmpty { alternates[location] = links }
            links = [:]
        }
    }
}
