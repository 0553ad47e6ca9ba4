import AdoptCore

/// What `/` finds: regions by Chinese name, pinyin (with or without spaces), English name or
/// alias ("Hohhot" and "Huhehaote", "Xizang" and "Tibet"), and deployments by organisation or
/// id, case-insensitively.
///
/// Regions are indexed once per store: every key lower-cased ASCII with spaces removed, kept as
/// UTF-8 bytes. Deployments are not copied into the index (a million of them would cost
/// hundreds of megabytes and a second at startup): each keystroke scans the table's
/// organisation and id bytes in place, comparing the same way.
struct SearchIndex {
    private struct Entry {
        let result: SearchResult
        let keys: [[UInt8]]
        /// Provinces 1, prefectures 2, deployments 3, counties 4.
        let rank: Int
        let order: Int32
    }

    private let entries: [Entry]
    private let table: DeploymentTable
    static let limit = 200

    init(store: Store) {
        var entries: [Entry] = []
        for r in store.gazetteer.allRegions where r.code != .country {
            let keys = ([r.name, r.shortName, r.pinyin, r.english] + r.aliases)
                .map(SearchIndex.normalized)
            // Provinces, prefectures, then organisations, then the 2,800 counties.
            entries.append(Entry(result: .region(r.code), keys: keys, rank: r.level == .county ? 4 : r.level.rawValue,
                                 order: r.code.value))
        }
        self.entries = entries
        table = store.current.deployments
    }

    /// Lower-cased, spaces dropped: "Inner Mongolia" and "inner mongolia" and "innermongolia"
    /// all become "innermongolia"; "guang dong" becomes "guangdong".
    static func normalized(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 where b != 0x20 && b != 0x09 {
            out.append(b >= 0x41 && b <= 0x5A ? b + 0x20 : b)
        }
        return out
    }

    /// Matches, best first: whole-key matches, then prefix matches, then the rest; within
    /// each, provinces, prefectures, organisations, then counties.
    func search(_ query: String) -> [SearchResult] {
        let q = SearchIndex.normalized(query)
        guard !q.isEmpty else { return [] }
        var hits: [(quality: Int, rank: Int, order: Int32, result: SearchResult)] = []
        for e in entries {
            var best = Int.max
            for key in e.keys {
                if key == q { best = 0; break }
                if key.starts(with: q) { best = min(best, 1) } else if best > 2, SearchIndex.contains(key, q) { best = 2 }
            }
            if best != Int.max { hits.append((best, e.rank, e.order, e.result)) }
        }
        for i in table.indices {
            let best = min(table.withOrganizationBytes(i) { SearchIndex.quality(of: $0, q) },
                           table.withIDBytes(i) { SearchIndex.quality(of: $0, q) })
            if best != Int.max { hits.append((best, 3, Int32(clamping: i), .deployment(table.id(at: i)))) }
        }
        hits.sort { ($0.quality, $0.rank, $0.order) < ($1.quality, $1.rank, $1.order) }
        return hits.prefix(SearchIndex.limit).map(\.result)
    }

    /// 0 when `raw`, normalized, equals the query, 1 when it starts with it, 2 when it contains
    /// it, Int.max otherwise; normalizing on the fly (spaces skipped, ASCII lower-cased).
    static func quality(of raw: UnsafeBufferPointer<UInt8>, _ q: [UInt8]) -> Int {
        @inline(__always) func fold(_ b: UInt8) -> UInt8 { b >= 0x41 && b <= 0x5A ? b + 0x20 : b }
        @inline(__always) func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
        var start = 0
        var firstStart = true
        while start < raw.count {
            if isSpace(raw[start]) { start += 1; continue }
            // Match q against raw from `start`, skipping spaces.
            var i = start, j = 0
            while j < q.count, i < raw.count {
                if isSpace(raw[i]) { i += 1; continue }
                if fold(raw[i]) != q[j] { break }
                i += 1; j += 1
            }
            if j == q.count {
                guard firstStart else { return 2 }
                while i < raw.count, isSpace(raw[i]) { i += 1 }
                return i == raw.count ? 0 : 1
            }
            firstStart = false
            start += 1
            // Skip the rest of a multi-byte character: matches start on character boundaries.
            while start < raw.count, raw[start] & 0xC0 == 0x80 { start += 1 }
        }
        return Int.max
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard needle.count <= haystack.count else { return false }
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

/// One search match.
public enum SearchResult: Equatable, Sendable {
    case region(RegionCode)
    /// A deployment, by id.
    case deployment(String)
}
