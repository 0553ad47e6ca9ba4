/// Makes text from files safe to show in a terminal, once, where it enters the program.
///
/// A snapshot is written by pipelines and people; its strings must never reach the terminal
/// as instructions. Escape sequences (CSI 2J, OSC 0/8/52, CSI 6n) all start with a C0 or C1
/// control, so replacing every control character defuses them; bidirectional overrides
/// (Trojan Source, CVE-2021-42574) are replaced too. Replacements are visible: C0 controls
/// become their Unicode control pictures (ESC → ␛), the rest `⟨U+XXXX⟩`.
public enum TextSafety {
    /// The cleaned text (unchanged when it was already safe).
    public static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x20 {
                out.append(Unicode.Scalar(0x2400 + v)!)
            } else if v == 0x7F {
                out.append("\u{2421}")
            } else if isUnsafe(v) {
                let hex = String(v, radix: 16, uppercase: true)
                out.append(contentsOf: "⟨U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex)⟩".unicodeScalars)
            } else {
                out.append(s)
            }
        }
        return String(out)
    }

    /// Whether `clean` would change the text.
    public static func needsCleaning(_ text: String) -> Bool {
        for s in text.utf8 where s < 0x20 || s == 0x7F || s >= 0xC2 {
            if s < 0x20 || s == 0x7F { return true }
            // Non-ASCII: fall back to a scalar scan (rare for most fields).
            return text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || isUnsafe($0.value) }
        }
        return false
    }

    /// Whether raw UTF-8 bytes (from a JSON string with no escapes, so no C0 controls) are
    /// safe as they are. Every unsafe scalar is encoded with lead byte 0xC2, 0xD8, 0xE2 or 0xEF,
    /// so a clean ASCII or CJK string passes with one comparison per byte.
    static func isSafe(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // Eight bytes at a time while they are ASCII without DEL (no byte >= 0x7F): no lead
        // byte of an unsafe scalar can be among them.
        var k = 0
        if let base = bytes.baseAddress {
            let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
            while k + 8 <= bytes.count {
                let w = UnsafeRawPointer(base + k).loadUnaligned(as: UInt64.self)
                // Adding 1 to each byte sets a top bit exactly for 0x7F (no carry: w has none set).
                guard w & high == 0, (w &+ ones) & high == 0 else { break }
                k += 8
            }
        }
        for b in UnsafeBufferPointer(rebasing: bytes[k...]) where b == 0x7F || b == 0xC2 || b == 0xD8 || b == 0xE2 || b == 0xEF {
            return !needsCleaning(String(decoding: bytes, as: UTF8.self))
        }
        return true
    }

    /// Whether cleaned text is only whitespace, counting the pictures that stand for
    /// whitespace controls (␉ ␊ ␋ ␌ ␍): what "must not be empty" means for required text.
    /// Any visible ASCII byte answers at once, so real names cost one byte's look.
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if bytes.contains(where: { $0 > 0x20 && $0 < 0x80 }) { return false }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy {
            $0.properties.isWhitespace || (0x2409...0x240D).contains($0.value)
        }
    }

    /// C1 controls, bidirectional embeddings, overrides and isolates, line and paragraph
    /// separators, and marks that change how following text is shown.
    static func isUnsafe(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C,
             0x2028, 0x2029, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }
}
