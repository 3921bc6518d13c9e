/// One line of an imported page, with its 1-based line number in the input file, so every
/// finding can point back at the page.
struct SourceLine: Sendable, Hashable {
    var number: Int
    var text: String

    var trimmed: String { text.trimmingPageSpace() }
    var isBlank: Bool { trimmed.isEmpty }
}

extension StringProtocol {
    /// Trims ASCII and full-width spaces, no-break spaces and tabs, which pages use for indenting.
    func trimmingPageSpace() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.isPageSpace { scalars.removeFirst() }
        while let last = scalars.last, last.isPageSpace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension String {
    /// Number of CJK ideographs.
    var hanCount: Int { unicodeScalars.reduce(0) { $0 + ($1.isHan ? 1 : 0) } }

    /// Removes spaces between ideographs and digits, as PDF copies leave them: `2013 年` → `2013年`.
    func collapsingCJKSpaces() -> String {
        let scalars = Array(unicodeScalars)
        var out = String.UnicodeScalarView()
        for (i, s) in scalars.enumerated() {
            if s.isPageSpace, i > 0, i + 1 < scalars.count {
                var j = i + 1
                while j < scalars.count, scalars[j].isPageSpace { j += 1 }
                var k = i - 1
                while k > 0, scalars[k].isPageSpace { k -= 1 }
                if j < scalars.count {
                    let before = scalars[k], after = scalars[j]
                    let joinable = (before.isHan || before.isASCIIDigit || before == "%") && (after.isHan || after.isASCIIDigit || after == "%")
                    // Only a digit against an ideograph (2013 年, 5 家): spaces between two ideographs may
                    // separate two names (县林特局 县水电局).
                    if joinable && (before.isHan != after.isHan) { continue }
                }
            }
            out.append(s)
        }
        return String(out)
    }
}

extension Unicode.Scalar {
    var isHan: Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2FFFF).contains(value)
            || (0xF900...0xFAFF).contains(value) || value == 0x3007
    }
    var isPageSpace: Bool {
        // Every Unicode space (en/em spaces, no-break, ideographic) and the zero-width ones pages use for layout.
        (properties.isWhitespace && value != 0x0A && value != 0x0D) || value == 0x200B || value == 0xFEFF
    }
    var isASCIIDigit: Bool { (0x30...0x39).contains(value) }
}

/// Turns full-width ASCII forms (：，（）０-９％) into the half-width ones the rules match on,
/// leaving 〔〕【】《》 and CJK punctuation alone. Used for matching only, never for output text.
enum Fold {
    static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(s.value), let half = Unicode.Scalar(s.value - 0xFEE0) {
                out.append(half)
            } else if s.value == 0x3000 {
                out.append(" ")
            } else {
                out.append(s)
            }
        }
        return String(out)
    }
}
