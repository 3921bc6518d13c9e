/// A value a template sees: what page contexts are made of.
///
/// A closed set of cases, rather than `Any`, so that rendering a tag is a dictionary lookup and a
/// `switch`, not a chain of dynamic casts (see `CompiledTemplate`).
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// An optional string: missing when nil, so `{{#key}}` sections skip it.
    static func optional(_ text: String?) -> TemplateValue? { text.map(TemplateValue.string) }

    /// The value as swift-mustache's renderer takes it (dictionaries, arrays and scalars): for
    /// templates that only it can render, and for tests that hold the two renderers equal.
    public var mustacheValue: Any {
        switch self {
        case let .string(text): text
        case let .int(number): number
        case let .bool(flag): flag
        case let .list(items): items.map(\.mustacheValue)
        case let .object(object): object.mapValues(\.mustacheValue)
        }
    }
}

/// A template context: named values.
public typealias TemplateObject = [String: TemplateValue]

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    /// An object; keys whose value is nil are left out.
    public init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        var object = TemplateObject(minimumCapacity: elements.count)
        for (key, value) in elements { object[key] = value }
        self = .object(object)
    }
}
