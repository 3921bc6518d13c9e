extension String {
    /// The text without leading and trailing white space (Unicode's White_Space, so the
    /// ideographic space U+3000 too). Unlike Foundation's `trimmingCharacters(in:)`, text with
    /// nothing to trim, nearly every value, is returned as it is, without bridging or copying.
    var trimmingWhitespace: String {
        // Scalars, not Characters, for the quick check: no grapheme breaking on the hot path.
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              Self.isWhitespace(first) || Self.isWhitespace(last) else { return self }
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }

    /// Unicode's White_Space property, as a list: asking the scalar's properties looks it up in
    /// the Unicode tables, which cost 1 % of a build for two scalars of every YAML value.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
