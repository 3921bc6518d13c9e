import Mustache
import Synchronization

/// A Mustache template as steps that `TemplateRenderer` walks over `TemplateValue`s.
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
///
/// The tree is flattened into steps whose payloads are plain indices into the template's tables
/// (its text, tag names and strings): walking steps then costs no reference counting, where a
/// tree of enum cases retained and released an array or a box for every node it passed.
final class CompiledTemplate: Sendable {
    /// The template's steps, a section's or a block's body right after it.
    let steps: [TemplateStep]
    /// All literal text, as UTF-8; `.text` steps are ranges of it.
    let text: [UInt8]
    /// Tag names split at dots; `TemplatePath`s are ranges of it.
    let names: [String]
    let paths: [TemplatePath]
    /// Partial and block names and indentations.
    let strings: [String]
    /// The blocks each `{{< parent}}` overrides, by block name: compiled on their own.
    let overrides: [[String: CompiledTemplate]]

    private init(_ builder: Builder) {
        steps = builder.steps
        text = builder.text
        names = builder.names
        paths = builder.paths
        strings = builder.strings
        overrides = builder.overrides
    }

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
        var builder = Builder()
        guard builder.emit(template) else { return nil }
        return CompiledTemplate(builder)
    }

    /// Collects the steps and tables while reading swift-mustache's tree.
    private struct Builder {
        var steps: [TemplateStep] = []
        var text: [UInt8] = []
        var names: [String] = []
        var paths: [TemplatePath] = []
        var strings: [String] = []
        var overrides: [[String: CompiledTemplate]] = []

        /// Appends the steps of `template`'s tokens; false if one is not understood.
        mutating func emit(_ template: Any?) -> Bool {
            guard let template = template as? MustacheTemplate,
                  let tokens = Mirror(reflecting: template).descendant("tokens") as? [Any] else { return false }
            return tokens.allSatisfy { emitToken($0) }
        }

        private mutating func emitToken(_ token: Any) -> Bool {
            let mirror = Mirror(reflecting: token)
            guard mirror.displayStyle == .enum, let payload = mirror.children.first, let kind = payload.label else { return false }
            let fields = Mirror(reflecting: payload.value).children.map(\.value)
            func field(_ index: Int) -> Any? { index < fields.count ? fields[index] : nil }
            func noTransforms() -> Bool { (field(1) as? [String])?.isEmpty == true }
            switch kind {
            case "text":
                guard let literal = payload.value as? String else { return false }
                if literal.isEmpty { return true }
                steps.append(.text(text.count..<text.count + literal.utf8.count))
                text.append(contentsOf: literal.utf8)
            case "variable", "unescapedVariable":
                guard let name = field(0) as? String, noTransforms() else { return false }
                steps.append(.variable(path: path(name), escaped: kind == "variable"))
            case "section", "invertedSection":
                guard let name = field(0) as? String, noTransforms() else { return false }
                let at = steps.count
                steps.append(.text(0..<0))
                guard emit(field(2)) else { return false }
                steps[at] = .section(path: path(name), end: steps.count, inverted: kind == "invertedSection")
            case "partial":
                guard fields.count == 3, let name = field(0) as? String else { return false }
                var blocks: Int?
                if let inherits = field(2) as? [String: MustacheTemplate] {
                    var compiled: [String: CompiledTemplate] = [:]
                    for (block, template) in inherits {
                        guard let body = CompiledTemplate.compile(template) else { return false }
                        compiled[block] = body
                    }
                    blocks = overrides.count
                    overrides.append(compiled)
                }
                let indentation = (field(1) as? String).map { string($0) }
                steps.append(.partial(name: string(name), indentation: indentation, overrides: blocks))
            case "blockExpansion":
                guard fields.count == 3, let name = field(0) as? String else { return false }
                let at = steps.count
                steps.append(.text(0..<0))
                guard emit(field(1)) else { return false }
                let indentation = (field(2) as? String).map { string($0) }
                steps[at] = .block(name: string(name), end: steps.count, indentation: indentation)
            default:
                return false
            }
            return true
        }

        private mutating func path(_ name: String) -> Int {
            let parts = name.split(separator: ".").map(String.init)
            let start: TemplatePath.Start = name == "." || parts.isEmpty ? .current : name.hasPrefix(".") ? .anchored : .stack
            paths.append(TemplatePath(start: start, names: names.count..<names.count + parts.count))
            names += parts
            return paths.count - 1
        }

        private mutating func string(_ value: String) -> Int {
            strings.append(value)
            return strings.count - 1
        }
    }
}

/// One step of a compiled template. Every payload is an index or a range into the template's
/// tables or its steps, so that a step is plain data.
enum TemplateStep: Sendable {
    /// Literal text: a range of `text`.
    case text(Range<Int>)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}`.
    case variable(path: Int, escaped: Bool)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`: the body is the steps up to `end`.
    case section(path: Int, end: Int, inverted: Bool)
    /// `{{> name}}`, or `{{< name}}…{{/name}}` with the blocks it overrides (`overrides[index]`).
    case partial(name: Int, indentation: Int?, overrides: Int?)
    /// `{{$name}}default{{/name}}`: a block a child template may override; the default is the
    /// steps up to `end`.
    case block(name: Int, end: Int, indentation: Int?)
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
    /// The parts of the name: a range of the template's `names`.
    let names: Range<Int>
}
