import Mustache
import Synchronization

/// A Mustache template as a tree that `TemplateRenderer` walks over `TemplateValue`s.
///
/// swift-mustache parses every template: the syntax, the standalone-line and indentation rules,
/// inheritance, the errors with line and column. Its renderer, though, looks each tag up through
/// `Any` with four to six dynamic casts to protocols per object on the context stack and builds
/// the page out of one `String` per tag: about 2.6 µs a tag, 80 % of a build's CPU at 10,000
/// records. Gongkai keeps its parse and renders the parsed tree itself, with the same semantics
/// (`TemplateRenderingTests` holds every page of the test sites byte-identical to
/// swift-mustache's own rendering).
///
/// The parsed tree is not public API, so it is read with `Mirror`. Anything not recognised
/// (transforms, lambdas, dynamic partials, content-type pragmas, or a changed tree in another
/// swift-mustache version) makes `compile` return nil, and that template set is rendered by
/// swift-mustache instead: slower, never different.
struct CompiledTemplate: Sendable {
    let nodes: [TemplateNode]

    /// Templates compiled so far in this process, by their text: the preview server loads the
    /// templates again for every rebuild, and reading a tree through `Mirror` is slow (5 ms for
    /// the default set, a twentieth of a one-record rebuild).
    private static let cache = Mutex<[String: CompiledTemplate?]>([:])

    /// `compile`, once per template text.
    static func compiled(_ template: MustacheTemplate) -> CompiledTemplate? {
        if let known = cache.withLock({ $0[template.description] }) { return known }
        let compiled = compile(template)
        cache.withLock { $0[template.description] = compiled }
        return compiled
    }

    /// Compiles a parsed template, or nil if it uses anything the compiled renderer does not do.
    static func compile(_ template: MustacheTemplate) -> CompiledTemplate? {
        guard let tokens = Mirror(reflecting: template).descendant("tokens") as? [Any] else { return nil }
        return nodes(tokens).map(CompiledTemplate.init)
    }

    private static func nodes(_ tokens: [Any]) -> [TemplateNode]? {
        var nodes: [TemplateNode] = []
        for token in tokens {
            guard let node = node(token) else { return nil }
            if case let .text(text) = node, text.isEmpty { continue }
            nodes.append(node)
        }
        return nodes
    }

    private static func node(_ token: Any) -> TemplateNode? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else { return nil }
        let fields = Mirror(reflecting: payload.value).children.map(\.value)
        func field(_ index: Int) -> Any? { index < fields.count ? fields[index] : nil }
        func noTransforms() -> Bool { (field(1) as? [String])?.isEmpty == true }
        func body(_ index: Int) -> [TemplateNode]? {
            (field(index) as? MustacheTemplate).flatMap { compile($0)?.nodes }
        }
        switch kind {
        case "text":
            guard let text = payload.value as? String else { return nil }
            return .text(Array(text.utf8))
        case "variable", "unescapedVariable":
            guard let name = field(0) as? String, noTransforms() else { return nil }
            return .variable(TemplatePath(name), escaped: kind == "variable")
        case "section", "invertedSection":
            guard let name = field(0) as? String, noTransforms(), let body = body(2) else { return nil }
            return .section(TemplatePath(name), body, inverted: kind == "invertedSection")
        case "partial":
            guard fields.count == 3, let name = field(0) as? String else { return nil }
            var overrides: [String: [TemplateNode]]?
            if let inherits = field(2) as? [String: MustacheTemplate] {
                overrides = [:]
                for (block, template) in inherits {
                    guard let compiled = compile(template) else { return nil }
                    overrides?[block] = compiled.nodes
                }
            }
            return .partial(name, indentation: field(1) as? String, overrides: overrides)
        case "blockExpansion":
            guard fields.count == 3, let name = field(0) as? String, let fallback = body(1) else { return nil }
            return .block(name, fallback: fallback, indentation: field(2) as? String)
        default:
            return nil
        }
    }
}

/// One piece of a compiled template.
indirect enum TemplateNode: Sendable {
    /// Literal text, as UTF-8.
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
    case variable(TemplatePath, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(TemplatePath, [TemplateNode], inverted: Bool)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides.
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{$name}}default{{/name}}`: a block a child template may override.
    case block(String, fallback: [TemplateNode], indentation: String?)
}

/// A tag's name, split once at compile time rather than at every lookup.
struct TemplatePath: Sendable {
    enum Start: Sendable {
        /// `{{.}}`: the current value.
        case current
        /// `{{.a.b}}`: from the current value only, without climbing the context stack.
        case anchored
        /// `{{a.b}}`: `a` from the innermost value on the stack that has it.
        case stack
    }

    let start: Start
    let names: [String]

    init(_ name: String) {
        names = name.split(separator: ".").map(String.init)
        start = name == "." || names.isEmpty ? .current : name.hasPrefix(".") ? .anchored : .stack
    }
}
