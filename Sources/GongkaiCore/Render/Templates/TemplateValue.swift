/// A value a template sees: what page contexts are made of.
///
/// A closed set of cases, rather than `Any`, so that rendering a tag is a dictionary lookup and a
/// `switch`, not a chain of dynamic casts (see `CompiledTemplate`).
public enum TemplateValue: Sendable, Equatable {
    case string(String)
    /// Text as UTF-8 bytes: a record's body as cmark-gfm wrote it, written out without being
    /// checked again as a `String` (40 KB a page).
    case bytes([UInt8])
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// The member `key` of an object; nil for anything else.
    func member(_ key: String) -> TemplateValue? {
        if case let .object(object) = self { object[key] } else { nil }
    }

    /// An optional string: missing when nil, so `{{#key}}` sections skip it.
    static func optional(_ text: String?) -> TemplateValue? { text.map(TemplateValue.string) }

    /// The value as swift-mustache's renderer takes it (dictionaries, arrays and scalars): for
    /// templates that only it can render, and for tests that hold the two renderers equal.
    public var mustacheValue: Any {
        switch self {
        case let .string(text): text
        case let .bytes(bytes): String(decoding: bytes, as: UTF8.self)
        case let .int(number): number
        case let .bool(flag): flag
        case let .list(items): items.map(\.mustacheValue)
        case let .object(object):
            Dictionary(object.members.map { ($0.key, $0.value.mustacheValue) }, uniquingKeysWith: { _, last in last })
        }
    }
}

/// A template context: named values.
///
/// A list of members rather than a `Dictionary`: objects here have a handful to twenty short
/// keys, and are built once and read a few times, so a linear search beats hashing every key
/// on insert and on lookup, and one allocation beats a hash table's.
public struct TemplateObject: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    /// A member: a struct, not a tuple, because an array of tuples is destroyed element by
    /// element through the runtime's generic tuple code, and every page's context is destroyed
    /// after it renders (that was 5 % of a build).
    struct Member: Sendable, Equatable {
        var key: String
        var value: TemplateValue
    }

    private(set) var members: [Member]

    public init() { members = [] }

    /// Members whose value is nil are left out. The keys must differ, as in a `Dictionary`
    /// literal (checked in debug builds).
    public init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        self.init(elements)
    }

    init(_ elements: [(String, TemplateValue?)]) {
        members = []
        members.reserveCapacity(elements.count)
        for (key, value) in elements {
            assert(!members.contains { $0.key == key }, "key '\(key)' given twice")
            if let value { members.append(Member(key: key, value: value)) }
        }
    }

    /// An empty object with room for `capacity` members, filled with `add`: for contexts made
    /// thousands of times, where a literal's list of pairs is an array made and destroyed each time.
    init(capacity: Int) {
        members = []
        members.reserveCapacity(capacity)
    }

    /// Appends a member unless `value` is nil; the key must be new (checked in debug builds).
    mutating func add(_ key: String, _ value: TemplateValue?) {
        assert(!members.contains { $0.key == key }, "key '\(key)' given twice")
        if let value { members.append(Member(key: key, value: value)) }
    }

    public subscript(key: String) -> TemplateValue? {
        // Lengths first: keys are short, stored inline, and mostly differ in length, which is
        // cheaper to tell than their bytes (a template looks up every tag along the stack).
        get {
            let length = key.utf8.count
            for index in members.indices where members[index].key.utf8.count == length && members[index].key == key {
                return members[index].value
            }
            return nil
        }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    public var isEmpty: Bool { members.isEmpty }

    public static func == (lhs: TemplateObject, rhs: TemplateObject) -> Bool {
        lhs.members.count == rhs.members.count && lhs.members.allSatisfy { rhs[$0.key] == $0.value }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    /// An object; keys whose value is nil are left out.
    public init(dictionaryLiteral elements: (String, TemplateValue?)...) {
        self = .object(TemplateObject(elements))
    }
}
