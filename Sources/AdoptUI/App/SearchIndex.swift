import AdoptCore

/// What `/` finds: regions by Chinese name, pinyin (with or without spaces) or English, and
/// deployments by organisation or id, case-insensitively.
///
/// Built once per store: every key is lower-cased ASCII with spaces removed, kept as UTF-8
/// bytes, so a keystroke is a byte search over about 3,600 regions and the deployments, with
/// no string work per entry.
struct SearchIndex {
    private struct Entry {
        let result: SearchResult
        let keys: [[UInt8]]
        /// Provinces 1, prefectures 2, deployments 3, counties 4.
        let rank: Int
        let order: Int32
    }

    private let entries: [Entry]
    static let limit = 200

    init(store: Store) {
        var entries: [Entry] = []
        for r in store.gazetteer.allRegions where r.code != .country {
            let keys = [r.name, r.shortName, r.pinyin, r.english].map(SearchIndex.normalized)
            // Provinces, prefectures, then organisations, then the 2,800 counties.
            entries.append(Entry(result: .region(r.code), keys: keys, rank: r.level == .county ? 4 : r.level.rawValue,
                                 order: r.code.value))
        }
        let table = store.current.deployments
        for i in table.indices {
            let id = table.id(at: i)
            entries.append(Entry(result: .deployment(id),
                                 keys: [SearchIndex.normalized(table.organization(at: i)), SearchIndex.normalized(id)],
                                 rank: 3, order: Int32(clamping: i)))
        }
        self.entries = entries
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
        hits.sort { ($0.quality, $0.rank, $0.order) < ($1.quality, $1.rank, $1.order) }
        return hits.prefix(SearchIndex.limit).map(\.result)
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
