extension String {
    /// The text without leading and trailing white space (Unicode's White_Space, so the
    /// ideographic space U+3000 too). Unlike Foundation's `trimmingCharacters(in:)`, text with
    /// nothing to trim, nearly every value, is returned as it is, without bridging or copying.
    var trimmingWhitespace: String {
        // Scalars, not Characters, for the quick check: no grapheme breaking on the hot path.
        guard let first = unicodeScalars.first, let last = unicodeScalars.last,
              first.properties.isWhitespace || last.properties.isWhitespace else { return self }
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}
