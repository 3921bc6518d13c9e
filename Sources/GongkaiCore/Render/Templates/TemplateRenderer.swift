/// Renders compiled templates into UTF-8 bytes, with swift-mustache's semantics for the values
/// page contexts hold: the context stack, sections over lists, booleans and objects, partials with
/// indentation, and inheritance (`{{< layout}}` overriding `{{$ block}}`s).
struct TemplateRenderer {
    /// Every template of the set by name, for partials.
    let templates: [String: CompiledTemplate]
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue] = []

    /// What a partial or block changes for the tags inside it.
    private struct Scope {
        var indentation: String?
        var overrides: [String: CompiledTemplate]?
    }

    private init(templates: [String: CompiledTemplate]) {
        self.templates = templates
    }

    /// Renders the named template with `context`; empty if there is no such template.
    static func render(_ name: String, context: TemplateObject, templates: [String: CompiledTemplate]) -> [UInt8] {
        var renderer = TemplateRenderer(templates: templates)
        guard let template = templates[name] else { return [] }
        renderer.output.reserveCapacity(48 * 1024)
        renderer.stack = [.object(context)]
        renderer.render(template, template.steps.indices, Scope())
        return renderer.output
    }

    /// Renders the steps `range` of `template`.
    private mutating func render(_ template: CompiledTemplate, _ range: Range<Int>, _ scope: Scope) {
        let indentation = scope.indentation.flatMap { $0.isEmpty ? nil : $0 }
        let start = output.count
        var index = range.lowerBound
        while index < range.upperBound {
            let stepStart = output.count
            index = render(template, at: index, scope)
            // As swift-mustache does it: a step's output is indented when it is not empty and
            // what this template has written so far ends a line.
            if let indentation, output.count > stepStart, stepStart > start, output[stepStart - 1] == UInt8(ascii: "\n") {
                output.insert(contentsOf: indentation.utf8, at: stepStart)
            }
        }
    }

    /// Renders the step at `index` and returns the index of the step after it (and its body).
    private mutating func render(_ template: CompiledTemplate, at index: Int, _ scope: Scope) -> Int {
        switch template.steps[index] {
        case let .text(range):
            template.text.withUnsafeBufferPointer { output.append(contentsOf: UnsafeBufferPointer(rebasing: $0[range])) }
        case let .variable(path, escaped):
            if let value = lookUp(template, template.paths[path]) { write(value, escaped: escaped) }
        case let .section(path, end, inverted):
            let value = lookUp(template, template.paths[path])
            if inverted { renderInverted(value, template, index + 1..<end, scope) } else { renderSection(value, template, index + 1..<end, scope) }
            return end
        case let .partial(name, indentation, overrides):
            guard let partial = templates[template.strings[name]] else { break }
            var inner = scope
            if let indentation { inner.indentation = (scope.indentation ?? "") + template.strings[indentation] }
            if let overrides {
                // The outermost override of a block wins.
                let blocks = template.overrides[overrides]
                inner.overrides = scope.overrides.map { $0.merging(blocks) { outer, _ in outer } } ?? blocks
            }
            render(partial, partial.steps.indices, inner)
        case let .block(name, end, indentation):
            var inner = scope
            if let indentation { inner.indentation = (scope.indentation ?? "") + template.strings[indentation] }
            if let override = scope.overrides?[template.strings[name]] {
                render(override, override.steps.indices, inner)
            } else {
                render(template, index + 1..<end, inner)
            }
            return end
        }
        return index + 1
    }

    private mutating func renderSection(_ value: TemplateValue?, _ template: CompiledTemplate, _ body: Range<Int>, _ scope: Scope) {
        switch value {
        case nil, .bool(false):
            return
        case .bool(true):
            render(template, body, scope)
        case let .list(items):
            for item in items { render(template, body, scope, pushing: item) }
        case let .some(value):
            render(template, body, scope, pushing: value)
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ template: CompiledTemplate, _ body: Range<Int>, _ scope: Scope) {
        switch value {
        case nil, .bool(false):
            render(template, body, scope)
        case let .list(items) where items.isEmpty:
            render(template, body, scope, pushing: .list(items))
        default:
            return
        }
    }

    private mutating func render(_ template: CompiledTemplate, _ body: Range<Int>, _ scope: Scope, pushing value: TemplateValue) {
        stack.append(value)
        render(template, body, scope)
        stack.removeLast()
    }

    private func lookUp(_ template: CompiledTemplate, _ path: TemplatePath) -> TemplateValue? {
        guard let top = stack.last else { return nil }
        switch path.start {
        case .current:
            return top
        case .anchored:
            return Self.descend(top, template.names[path.names])
        case .stack:
            let first = template.names[path.names.lowerBound]
            // By index, innermost first: iterating `stack.reversed()` copied (retained) every
            // value it passed, and most tags pass a few.
            var index = stack.count - 1
            while index >= 0 {
                if let child = stack[index].member(first) {
                    return path.names.count == 1 ? child : Self.descend(child, template.names[path.names.dropFirst()])
                }
                index -= 1
            }
            return nil
        }
    }

    private static func descend(_ value: TemplateValue, _ names: ArraySlice<String>) -> TemplateValue? {
        var value = value
        for name in names {
            guard case let .object(object) = value, let child = object[name] else { return nil }
            value = child
        }
        return value
    }

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case let .string(text):
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case let .bytes(bytes):
            if escaped { bytes.withUnsafeBufferPointer { HTMLEscaping.append($0, to: &output) } } else { output.append(contentsOf: bytes) }
        case let .int(number):
            output.append(contentsOf: String(number).utf8)
        case let .bool(flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .list, .object:
            // What swift-mustache prints for a list or object in a variable tag: its description.
            let text = String(describing: value.mustacheValue)
            if escaped { HTMLEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        }
    }
}

/// HTML escaping of the five characters Mustache escapes, over UTF-8 bytes.
enum HTMLEscaping {
    static func append(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { append($0, to: &output) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var clean = 0
        var offset = 0
        while offset < bytes.count {
            // Eight bytes at a time while none of them needs escaping: most text is Chinese,
            // and a byte-by-byte switch cost more than copying it.
            if offset + 8 <= bytes.count {
                let word = UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: UInt64.self)
                if !mayNeedEscaping(word) {
                    offset += 8
                    continue
                }
            }
            let replacement: StaticString
            switch bytes[offset] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                offset += 1
                continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<offset]))
            output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
            offset += 1
            clean = offset
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
    }

    /// Whether any of the eight bytes in `word` is one of the five escaped characters: the
    /// classic test for a zero byte, run on the word XORed with each character repeated.
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        return hasZeroByte(word ^ (ones &* 0x26)) || hasZeroByte(word ^ (ones &* 0x3C)) || hasZeroByte(word ^ (ones &* 0x3E))
            || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x27))
    }
}
