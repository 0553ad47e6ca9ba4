/// Terminal column widths of characters (the job of wcwidth, done here so the core of the UI
/// has no C dependency and gives the same answer in tests, dumps and the terminal).
public enum DisplayWidth {
    /// The columns one extended grapheme cluster takes, as terminals (and Python's wcwidth
    /// `wcswidth`) draw it: the width of its first scalar (combining marks, ZWJ and the rest add
    /// nothing), except that an emoji with the emoji-presentation selector VS16 (☀️, ❤️, the
    /// keycap 1️⃣, 🏳️‍🌈) is drawn as an emoji picture, two columns. Flags (a pair of regional
    /// indicators), ZWJ sequences (👨‍👩‍👧‍👦) and Emoji_Presentation emoji are two columns through
    /// their first scalar; VS15 (text presentation, ☀︎) leaves the base's own width.
    public static func of(_ ch: Character) -> Int {
        var scalars = ch.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return 0 }
        let base = of(first)
        guard base == 1, first.value >= 0x20 else { return base }
        // Only emoji have a VS16 form; most text (ASCII, Latin, CJK) stops at the second scalar.
        while let next = scalars.next() {
            if next.value == 0xFE0F { return first.properties.isEmoji ? 2 : base }
        }
        return base
    }

    public static func of(_ s: String) -> Int {
        var w = 0
        for ch in s { w += of(ch) }
        return w
    }

    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        // Printable ASCII first: most text is, and the category lookup below is slow.
        if v >= 0x20 && v < 0x7F { return 1 }
        if v == 0 { return 0 }
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }
        if isWide(v) { return 2 }
        // Emoji_Presentation scalars outside the table (regional indicators, newer emoji).
        if v >= 0x1F000, scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
             0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
             0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
             0x17000...0x18CFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F900...0x1F9FF,
             0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
