extension String {
    /// The text without leading and trailing white space (Unicode's White_Space, so the
    /// ideographic space U+3000 too). Unlike Foundation's `trimmingCharacters(in:)`, text with
    /// nothing to trim, nearly every value, is returned as it is, without bridging or copying.
    var trimmingWhitespace: String {
        guard let first, let last, first.isWhitespace || last.isWhitespace else { return self }
        guard let start = firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let end = lastIndex(where: { !$0.isWhitespace })!
        return String(self[start...end])
    }
}
