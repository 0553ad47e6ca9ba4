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
    /// and the byte offset in `raw` where the first match starts.
    ///
    /// The hot loop of a search (a million organisations per keystroke), so it first looks
    /// only for the query's first byte (either case of a letter), eight bytes at a time: a
    /// UTF-8 query starts with an ASCII or lead byte, so every candidate is on a character
    /// boundary.
    static func match(_ raw: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> (quality: Int, at: Int) {
        guard let q0 = q.first, let base = raw.baseAddress else { return (none, 0) }
        // A lower-case letter also matches its capital: compare with bit 5 set.
        let caseBit: UInt8 = q0 >= 0x61 && q0 <= 0x7A ? 0x20 : 0
        let ones: UInt64 = 0x0101_0101_0101_0101
        let caseBits = UInt64(caseBit) &* ones, wanted = UInt64(q0) &* ones
        let n = raw.count
        // Where the text starts, past ignored characters: a match there is a prefix.
        var head = 0
        while head < n {
            let s = ignored(raw, head)
            if s == 0 { break }
            head += s
        }
        var start = head
        while start < n {
            // Eight bytes at a time while none of them can start a match.
            if start + 8 <= n {
                let x = (UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self) | caseBits) ^ wanted
                if (x &- ones) & ~x & (ones << 7) == 0 { start += 8; continue }
            }
            if raw[start] | caseBit == q0 {
                var i = start + 1, j = 1
                while j < q.count, i < n {
                    let s = ignored(raw, i)
                    if s > 0 { i += s; continue }
                    if fold(raw[i]) != q[j] { break }
                    i += 1; j += 1
                }
                if j == q.count {
                    guard start == head else { return (substring, start) }
                    while i < n {
                        let s = ignored(raw, i)
                        if s == 0 { break }
                        i += s
                    }
                    return (i == n ? exact : prefix, start)
                }
            }
            start += 1
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
