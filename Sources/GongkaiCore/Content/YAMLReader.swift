import Foundation
import Yams

/// Reads typed values out of a composed YAML tree, turning every mismatch into a
/// `Diagnostic` that points at the offending node in the original file.
struct YAMLReader {
    let path: String
    /// Added to Yams' 1-based line numbers: the YAML may start below line 1 of the file.
    let lineOffset: Int

    /// Composes `yaml`, mapping parser errors to file positions.
    func compose(_ yaml: String) throws -> YAMLNode? {
        if case let .composed(root) = YAMLComposer.compose(yaml) { return root }
        do {
            // The basic resolver: every scalar is read as text here, so Yams need not run its
            // int/float/bool/timestamp regular expressions on each one. The encoding is named
            // because its default reads the process environment on every call.
            return try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(YAMLNode.init)
        } catch let error as YamlError {
            throw diagnostic(for: error)
        }
    }

    func diagnostic(for error: YamlError) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return Diagnostic(path: path, line: mark.line + lineOffset, column: mark.column,
                              message: "invalid YAML: \(text)")
        case let .reader(problem, _, _, _):
            return Diagnostic(path: path, line: 1 + lineOffset, message: "unreadable YAML: \(problem)")
        default:
            return Diagnostic(path: path, line: 1 + lineOffset, message: "invalid YAML: \(error)")
        }
    }

    func error(_ message: String, at node: YAMLNode?) -> Diagnostic {
        let position = node?.position
        return Diagnostic(path: path, line: (position?.line ?? 1) + lineOffset, column: position?.column ?? 1, message: message)
    }

    func line(of node: YAMLNode) -> Int { node.position.line + lineOffset }

    /// The values of a mapping by field, in the file's order, with keys looked up in `byKey`
    /// (English names and Chinese labels); an unknown or repeated key is an error at that key.
    func fields<Field: Equatable>(of mapping: YAMLNode.Mapping, byKey: [String: Field], unknown hint: String) throws -> FieldValues<Field> {
        var values = FieldValues<Field>()
        values.fields.reserveCapacity(mapping.count)
        values.nodes.reserveCapacity(mapping.count)
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            guard let field = byKey[key] else { throw error("unknown key '\(key)' \(hint)", at: keyNode) }
            guard !values.fields.contains(field) else { throw error("'\(key)' is given twice", at: keyNode) }
            values.fields.append(field)
            values.nodes.append(value)
        }
        return values
    }

    func mapping(_ node: YAMLNode, _ what: String) throws -> YAMLNode.Mapping {
        guard case let .mapping(mapping, _) = node else { throw error("\(what) must be a mapping of keys to values", at: node) }
        return mapping
    }

    /// A scalar as text; empty strings and `~`/null count as absent.
    func string(_ node: YAMLNode, _ key: String) throws -> String? {
        guard case let .scalar(scalar) = node else { throw error("'\(key)' must be text, not a list or mapping", at: node) }
        let text = scalar.string
        if scalar.isPlain, Self.nulls.contains(text) { return nil }
        let value = text.trimmingWhitespace
        return value.isEmpty ? nil : value
    }

    private static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]

    func requiredString(_ node: YAMLNode, _ key: String) throws -> String {
        guard let value = try string(node, key) else { throw error("'\(key)' must not be empty", at: node) }
        return value
    }

    /// A list of text; a single scalar is accepted as a one-item list, and 、/，-separated
    /// text is split, as disclosure pages write 主题分类 that way.
    func stringList(_ node: YAMLNode, _ key: String) throws -> [String] {
        switch node {
        case let .sequence(sequence, _):
            return try sequence.compactMap { try string($0, key) }
        case .scalar:
            guard let text = try string(node, key) else { return [] }
            return text.split(whereSeparator: { "、,，;；".contains($0) })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        default:
            throw error("'\(key)' must be a list of text", at: node)
        }
    }

    func date(_ node: YAMLNode, _ key: String) throws -> CalendarDate? {
        guard let text = try string(node, key) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw error("'\(key)' must be a date written YYYY-MM-DD, not '\(text)'", at: node)
        }
        return date
    }

    func number(_ node: YAMLNode, _ key: String) throws -> Double? {
        guard let text = try string(node, key) else { return nil }
        let digits = text.utf8.contains(UInt8(ascii: "%")) ? text.replacingOccurrences(of: "%", with: "") : text
        guard let value = Double(digits), value.isFinite else {
            throw error("'\(key)' must be a number, not '\(text)'", at: node)
        }
        return value
    }

    func integer(_ node: YAMLNode, _ key: String) throws -> Int? {
        guard let text = try string(node, key) else { return nil }
        guard let value = Int(text) else { throw error("'\(key)' must be a whole number, not '\(text)'", at: node) }
        return value
    }
}

/// A mapping's values by field, in the file's order. Lists searched from the start, not a
/// dictionary: a mapping has at most twenty keys, and hashing each cost more than the search.
/// The fields apart from the nodes, so that the search copies no node.
struct FieldValues<Field: Equatable> {
    var fields: [Field] = []
    var nodes: [YAMLNode] = []

    subscript(field: Field) -> YAMLNode? { fields.firstIndex(of: field).map { nodes[$0] } }
}
