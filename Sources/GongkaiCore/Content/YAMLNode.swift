import Yams

/// A composed YAML value, as Gongkai's YAML files are read: text, a list or a mapping, each
/// with where it starts in the text. Scalars stay text: a reader decides what a value means.
enum YAMLNode: Equatable {
    case scalar(Scalar)
    case sequence([YAMLNode], Position)
    case mapping(Mapping, Position)

    /// Line and column from 1; columns count Unicode scalars, as libyaml does.
    struct Position: Equatable {
        var line: Int
        var column: Int
    }

    struct Scalar: Equatable {
        var string: String
        /// Unquoted and not a block scalar: only such text can mean null.
        var isPlain: Bool
        var position: Position
    }

    /// A mapping's keys and values in the file's order.
    struct Mapping: Sequence, Equatable {
        struct Pair: Equatable {
            var key: YAMLNode
            var value: YAMLNode
        }

        var pairs: [Pair]

        /// The value of the first key with this text.
        subscript(key: String) -> YAMLNode? { pairs.first { $0.key.string == key }?.value }

        var count: Int { pairs.count }

        func makeIterator() -> LazyMapSequence<[Pair], (key: YAMLNode, value: YAMLNode)>.Iterator {
            pairs.lazy.map { ($0.key, $0.value) }.makeIterator()
        }
    }

    var position: Position {
        switch self {
        case let .scalar(scalar): scalar.position
        case let .sequence(_, position), let .mapping(_, position): position
        }
    }

    /// The text of a scalar; nil for a list or mapping.
    var string: String? {
        if case let .scalar(scalar) = self { scalar.string } else { nil }
    }
}

extension YAMLNode {
    /// The same tree, from a document Yams composed.
    init(_ node: Node) {
        let position = Position(line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        switch node {
        case let .scalar(scalar):
            self = .scalar(Scalar(string: scalar.string, isPlain: scalar.style == .plain, position: position))
        case let .sequence(sequence):
            self = .sequence(sequence.map(YAMLNode.init), position)
        case let .mapping(mapping):
            self = .mapping(Mapping(pairs: mapping.map { Mapping.Pair(key: YAMLNode($0.key), value: YAMLNode($0.value)) }), position)
        case .alias:
            // Yams' parser puts the anchored node in an alias's place; only its emitter makes
            // alias nodes.
            self = .mapping(Mapping(pairs: []), position)
        }
    }
}
