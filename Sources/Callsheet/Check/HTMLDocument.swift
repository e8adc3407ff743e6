import CGumbo

/// A page parsed as a browser parses it, by gumbo, which follows the WHATWG HTML5 tokenizer and tree
/// builder (attribute quoting, case-insensitive tags, raw-text elements such as `<script>`, character
/// references, SVG and MathML). This file is the only one that sees gumbo: the document owns gumbo's
/// output and frees it in `deinit`, and everything the checks read is copied into `elements` first.
final class HTMLDocument {
    /// Every element, in document order (the order of their start tags).
    let elements: [HTMLElement]

    private let buffer: UnsafeMutableBufferPointer<CChar>
    private var options = kGumboDefaultOptions
    private let output: UnsafeMutablePointer<GumboOutput>

    /// Parses `html`. Gumbo never fails: like a browser, it makes a tree out of any input.
    init(_ html: String) {
        let count = html.utf8.count
        let buffer = UnsafeMutableBufferPointer<CChar>.allocate(capacity: count + 1)
        html.withBytes { bytes in
            bytes.withMemoryRebound(to: CChar.self) { _ = buffer.initialize(from: $0) }
        }
        buffer[count] = 0
        self.buffer = buffer
        options.max_errors = 0  // the checks do not use parse errors; don't collect them
        output = gumbo_parse_with_options(&options, buffer.baseAddress, count)
        elements = Self.collect(from: output.pointee.document)
    }

    deinit {
        gumbo_destroy_output(&options, output)
        buffer.deallocate()
    }

    /// Walks the tree without recursion (a page of 100,000 nested quotes must not overflow the stack),
    /// copying each element and the text of the few elements whose text the checks read.
    private static func collect(from document: UnsafeMutablePointer<GumboNode>) -> [HTMLElement] {
        var elements: [HTMLElement] = []
        var collecting: [Int] = []  // indices of open elements that gather their text
        var stack: [(node: UnsafeMutablePointer<GumboNode>, next: Int, collects: Bool)] = [(document, 0, false)]
        while var top = stack.popLast() {
            let children = childNodes(of: top.node)
            guard top.next < Int(children.length) else {
                if top.collects { collecting.removeLast() }
                continue
            }
            let child = children.data[top.next]!.assumingMemoryBound(to: GumboNode.self)
            top.next += 1
            stack.append(top)
            switch child.pointee.type {
            case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE:
                let element = copy(child.pointee.v.element)
                let collects = HTMLElement.textElements.contains(element.name)
                if collects { collecting.append(elements.count) }
                elements.append(element)
                stack.append((child, 0, collects))
            case GUMBO_NODE_TEXT, GUMBO_NODE_CDATA, GUMBO_NODE_WHITESPACE:
                guard !collecting.isEmpty, let text = child.pointee.v.text.text else { continue }
                let value = String(cString: text)
                for index in collecting { elements[index].text += value }
            default:
                continue
            }
        }
        return elements
    }

    private static func childNodes(of node: UnsafeMutablePointer<GumboNode>) -> GumboVector {
        switch node.pointee.type {
        case GUMBO_NODE_DOCUMENT: return node.pointee.v.document.children
        case GUMBO_NODE_ELEMENT, GUMBO_NODE_TEMPLATE: return node.pointee.v.element.children
        default: return GumboVector(data: nil, length: 0, capacity: 0)
        }
    }

    private static func copy(_ element: GumboElement) -> HTMLElement {
        var attributes: [HTMLElement.Attribute] = []
        attributes.reserveCapacity(Int(element.attributes.length))
        for index in 0..<Int(element.attributes.length) {
            let attribute = element.attributes.data[index]!.assumingMemoryBound(to: GumboAttribute.self).pointee
            // gumbo gives attribute names in lower case already
            attributes.append(.init(name: String(cString: attribute.name), value: String(cString: attribute.value)))
        }
        let namespace: HTMLElement.Namespace
        switch element.tag_namespace {
        case GUMBO_NAMESPACE_SVG: namespace = .svg
        case GUMBO_NAMESPACE_MATHML: namespace = .mathml
        default: namespace = .html
        }
        return HTMLElement(name: name(of: element), namespace: namespace, attributes: attributes,
                           line: Int(element.start_pos.line))
    }

    /// The lower-case tag name; tags gumbo does not know (most of SVG's) are read from the source text.
    private static func name(of element: GumboElement) -> String {
        if element.tag != GUMBO_TAG_UNKNOWN { return String(cString: gumbo_normalized_tagname(element.tag)) }
        let piece = element.original_tag
        guard let data = piece.data, piece.length > 1 else { return "" }
        var bytes: [UInt8] = []
        for offset in 1..<piece.length {  // after the `<`
            let byte = UInt8(bitPattern: data[offset])
            if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/") || byte == 0x20 || (0x09...0x0D).contains(byte) { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self).lowercased()
    }
}
