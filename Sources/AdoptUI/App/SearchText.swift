/// How search compares text: ASCII letters case-folded; spaces, tabs, apostrophes (' ‘ ’) and
/// hyphens ignored, so "Xi'an", "xi an" and "XIAN" are one word, as are "DeepSeek-R1" and
/// "deepseek r1". Everything works on UTF-8 bytes in place: a deployment's organisation, id or
/// note is compared where the table keeps it, never copied into a String.
enum SearchText {
    /// Exact, prefix and substring matches; `none` when there is no match.
    static let exact = 0, prefix = 1, substring = 2, none = 3

    /// Lower-cased with the ignored characters dropped: "Inner Mongolia" becomes
    /// "innermongolia", "Xi'an" becomes "xian".
    static func normalized(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { raw in
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            while i < raw.count {
                let skip = ignored(raw, i)
                if skip > 0 { i += skip; continue }
                out.append(fold(raw[i]))
                i += 1
            }
            return out
        }
    }

    @inline(__always) static func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }

    /// How many bytes at `i` matching skips: 1 for a space, tab, `'` or `-`, 3 for ‘ or ’,
    /// 0 for a byte that counts.
    @inline(__always) static func ignored(_ raw: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = raw[i]
        if b == 0x20 || b == 0x09 || b == 0x27 || b == 0x2D { return 1 }
        if b == 0xE2, i + 2 < raw.count, raw[i + 1] == 0x80, raw[i + 2] == 0x98 || raw[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// How well raw text matches a normalized query (`exact`, `prefix`, `substring` or `none`),
    /// and the byte offset in `raw` where the first match starts. Matches start on character
    /// boundaries.
    static func match(_ raw: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> (quality: Int, at: Int) {
        guard let q0 = q.first else { return (none, 0) }
        var start = 0
        var first = true
        while start < raw.count {
            let skip = ignored(raw, start)
            if skip > 0 { start += skip; continue }
            if fold(raw[start]) == q0 {
                var i = start + 1, j = 1
                while j < q.count, i < raw.count {
                    let s = ignored(raw, i)
                    if s > 0 { i += s; continue }
                    if fold(raw[i]) != q[j] { break }
                    i += 1; j += 1
                }
                if j == q.count {
                    guard first else { return (substring, start) }
                    while i < raw.count {
                        let s = ignored(raw, i)
                        if s == 0 { break }
                        i += s
                    }
                    return (i == raw.count ? exact : prefix, start)
                }
            }
            first = false
            start += 1
            // Skip the rest of a multi-byte character.
            while start < raw.count, raw[start] & 0xC0 == 0x80 { start += 1 }
        }
        return (none, 0)
    }

    /// The same for text already normalized (region names, worked out once per store).
    static func match(_ key: [UInt8], _ q: [UInt8]) -> Int {
        if key == q { return exact }
        if key.starts(with: q) { return prefix }
        return contains(key, q) ? substring : none
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
