import CYaml

/// Composes YAML into `YAMLNode`s straight from the events of libyaml, the parser Yams
/// bundles, for documents of nothing more than scalars, sequences and mappings with distinct
/// text keys: every record file.
///
/// `Yams.compose` makes a class instance for each event and for each node's tag, decodes each
/// scalar through Foundation and hashes every mapping's keys for its duplicate check: two
/// thirds of its time, a tenth of a whole build. Anything else (a syntax error, an anchor,
/// alias or tag, a key that is not text, a repeated key, a second document) gives
/// `needsYams`, and the caller composes with Yams itself, so that what is accepted and how an
/// error is worded stay Yams'.
enum YAMLComposer {
    enum Outcome {
        /// The document's root; `nil` for an empty document, as `Yams.compose` gives.
        case composed(YAMLNode?)
        case needsYams
    }

    static func compose(_ yaml: String) -> Outcome {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) == 1 else { return .needsYams }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
            var events = EventReader(parser: parser)
            defer { yaml_event_delete(&events.event) }
            do {
                return .composed(try events.document())
            } catch {
                return .needsYams
            }
        }
    }
}

/// Thrown when the document needs Yams' own composer; carries nothing, as Yams will say why.
private struct NeedsYams: Error {}

/// Pulls events from a libyaml parser and builds the nodes they describe.
private struct EventReader {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    var event = yaml_event_t()

    /// The stream's only document, or nil when the stream has none.
    mutating func document() throws -> YAMLNode? {
        try expect(YAML_STREAM_START_EVENT)
        try next()
        if event.type == YAML_STREAM_END_EVENT { return nil }
        guard event.type == YAML_DOCUMENT_START_EVENT else { throw NeedsYams() }
        try next()
        let root = try node()
        try expect(YAML_DOCUMENT_END_EVENT)
        try expect(YAML_STREAM_END_EVENT)
        return root
    }

    /// The node that starts at the current event; leaves its last event current.
    private mutating func node() throws -> YAMLNode {
        switch event.type {
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            guard scalar.anchor == nil, scalar.tag == nil else { throw NeedsYams() }
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return .scalar(YAMLNode.Scalar(string: text, isPlain: scalar.style == YAML_PLAIN_SCALAR_STYLE, position: position))
        case YAML_SEQUENCE_START_EVENT:
            let start = event.data.sequence_start
            guard start.anchor == nil, start.implicit != 0 || start.tag == nil else { throw NeedsYams() }
            let position = self.position
            var items: [YAMLNode] = []
            try next()
            while event.type != YAML_SEQUENCE_END_EVENT {
                items.append(try node())
                try next()
            }
            return .sequence(items, position)
        case YAML_MAPPING_START_EVENT:
            let start = event.data.mapping_start
            guard start.anchor == nil, start.implicit != 0 || start.tag == nil else { throw NeedsYams() }
            let position = self.position
            var pairs: [YAMLNode.Mapping.Pair] = []
            var keys: [String] = []
            try next()
            while event.type != YAML_MAPPING_END_EVENT {
                let key = try node()
                guard case let .scalar(scalar) = key, !keys.contains(scalar.string) else { throw NeedsYams() }
                keys.append(scalar.string)
                try next()
                pairs.append(YAMLNode.Mapping.Pair(key: key, value: try node()))
                try next()
            }
            return .mapping(YAMLNode.Mapping(pairs: pairs), position)
        default:
            throw NeedsYams()
        }
    }

    /// Where the current event starts, as Yams counts: lines and columns from 1.
    private var position: YAMLNode.Position {
        YAMLNode.Position(line: event.start_mark.line + 1, column: event.start_mark.column + 1)
    }

    private mutating func next() throws {
        yaml_event_delete(&event)
        guard yaml_parser_parse(parser, &event) == 1 else { throw NeedsYams() }
    }

    private mutating func expect(_ type: yaml_event_type_t) throws {
        try next()
        guard event.type == type else { throw NeedsYams() }
    }
}
