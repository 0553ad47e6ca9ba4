import AdoptCore

/// What `/` finds: regions by Chinese name, pinyin, English name, alias ("Hohhot" and
/// "Huhehaote", "Xizang" and "Tibet") or six-digit code ("440304"; a shorter code prefix such
/// as "4403" lists the subtree), and deployments by organisation, id, model, use case, source
/// (publisher or title) or note. Case, spaces, apostrophes and hyphens are ignored (`SearchText`).
///
/// Regions are indexed once per store (their keys normalized). Deployments are not copied into
/// the index (a million of them would cost hundreds of megabytes and a second at startup):
/// each keystroke matches the query once against each vocabulary (models, use cases, sources:
/// a few hundred names), then scans the table's columns in place, so a keystroke costs a pass
/// over the rows and allocates nothing per row.
///
/// Order: exact matches, then prefixes, then substrings; within each, regions with deployments
/// (and deployments) before regions without; then provinces, prefectures, deployments,
/// counties; then code or row order.
struct SearchIndex {
    private struct RegionEntry {
        let code: RegionCode
        /// The code's six ASCII digits.
        let digits: [UInt8]
        /// Chinese name, short name, pinyin, English, then the aliases; normalized.
        let keys: [[UInt8]]
        let pinyin: String
        let aliases: [String]
        /// The pinyin differs from the English name shown ("hu he hao te" for Hohhot).
        let pinyinHidden: Bool
        /// Provinces 1, prefectures 2, counties 4 (deployments are 3).
        let rank: Int
    }

    /// Which column of a deployment matched; `value` indexes the vocabulary for list columns.
    private enum Field: UInt8 { case organization, id, model, useCase, publisher, title, note }

    private struct RowHit {
        let row: Int32
        let field: Field
        let value: UInt32
    }

    private enum Candidate {
        case region(index: Int, key: Int)
        case row(RowHit)
    }

    /// `key` for a match on the region's code.
    private static let codeKey = -1

    private let regions: [RegionEntry]
    private let store: Store
    private let table: DeploymentTable
    private let modelNames: [[UInt8]]
    private let useCaseNames: [[UInt8]]
    /// Per source id in the table's vocabulary: the snapshot's publisher and title (empty when
    /// the snapshot does not list the source).
    private let sourcePublishers: [[UInt8]]
    private let sourceTitles: [[UInt8]]
    /// Which regions have deployments in the snapshot, for when the caller gives no counts.
    private let snapshotCounts: RegionCounts
    static let limit = 200

    /// The deployments a keystroke scans.
    var rowCount: Int { table.count }

    init(store: Store) {
        var regions: [RegionEntry] = []
        for r in store.gazetteer.allRegions where r.code != .country {
            let keys = ([r.name, r.shortName, r.pinyin, r.english] + r.aliases).map(SearchText.normalized)
            regions.append(RegionEntry(code: r.code, digits: Array(r.code.description.utf8), keys: keys, pinyin: r.pinyin, aliases: r.aliases,
                                       pinyinHidden: keys[2] != keys[3],
                                       rank: r.level == .county ? 4 : r.level.rawValue))
        }
        self.regions = regions
        self.store = store
        table = store.current.deployments
        modelNames = table.modelNames.names.map { Array($0.utf8) }
        useCaseNames = table.useCaseNames.names.map { Array($0.utf8) }
        let sources = table.sourceIDs.names.map { store.source(id: $0) }
        sourcePublishers = sources.map { Array(($0?.publisher ?? "").utf8) }
        sourceTitles = sources.map { Array(($0?.title ?? "").utf8) }
        snapshotCounts = store.counts(at: store.current.asOf)
    }

    /// The matches' targets, best first (see `matches`).
    func search(_ query: String, counts: RegionCounts? = nil) -> [SearchResult] {
        matches(query, counts: counts).map(\.result)
    }

    /// Matches, best first, at most `limit`. `counts` says which regions have deployments (the
    /// App passes the counts on screen: its date and filter); by default, the snapshot's.
    func matches(_ query: String, counts: RegionCounts? = nil) -> [SearchMatch] {
        let q = SearchText.normalized(query)
        guard !q.isEmpty else { return [] }
        let counts = counts ?? snapshotCounts
        var hits: [(quality: Int, group: Int, rank: Int, order: Int32, candidate: Candidate)] = []
        for (k, e) in regions.enumerated() {
            let (quality, key) = match(e, q)
            guard quality != SearchText.none else { continue }
            hits.append((quality, counts[e.code] == nil ? 1 : 0, e.rank, e.code.value, .region(index: k, key: key)))
        }
        for (quality, bucket) in scanDeployments(q).enumerated() {
            for hit in bucket { hits.append((quality, 0, 3, hit.row, .row(hit))) }
        }
        hits.sort { ($0.quality, $0.group, $0.rank, $0.order) < ($1.quality, $1.group, $1.rank, $1.order) }
        return hits.prefix(SearchIndex.limit).map { describe($0.candidate, q) }
    }

    /// The region's best quality and which key gave it (`codeKey` for its code).
    private func match(_ e: RegionEntry, _ q: [UInt8]) -> (Int, Int) {
        var best = SearchText.none, bestKey = 0
        for (k, key) in e.keys.enumerated() {
            let quality = SearchText.match(key, q)
            if quality < best { best = quality; bestKey = k }
            if best == SearchText.exact { return (best, bestKey) }
        }
        let code = SearchIndex.codeMatch(e.digits, q)
        return code < best ? (code, SearchIndex.codeKey) : (best, bestKey)
    }

    /// A query of two to six digits against a six-digit code: the whole code is exact; a code
    /// prefix, or the code with its trailing "00" pairs dropped ("440000" → "44"), finds the
    /// codes under it as prefix matches. One digit would list a tenth of the country.
    static func codeMatch(_ digits: [UInt8], _ q: [UInt8]) -> Int {
        guard q.count >= 2, q.count <= 6, q.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return SearchText.none }
        if digits == q { return SearchText.exact }
        var stem = q[...]
        while stem.count > 2, stem.count % 2 == 0, stem.suffix(2).elementsEqual([0x30, 0x30]) { stem = stem.dropLast(2) }
        return digits.starts(with: stem) ? SearchText.prefix : SearchText.none
    }

    /// The first `limit` matching rows per quality (rows come in table order, which is the
    /// final order among deployments, so later ones could only be cut); stops when enough
    /// better matches are in hand that no later row could make the list.
    private func scanDeployments(_ query: [UInt8]) -> [[RowHit]] {
        let limit = SearchIndex.limit
        var buckets = [[RowHit]](repeating: [], count: 3)
        // Vocabularies first: a few hundred names, once per keystroke.
        func qualities(_ names: [[UInt8]]) -> [UInt8] {
            query.withUnsafeBufferPointer { q in
                names.map { n in n.withUnsafeBufferPointer { UInt8(SearchText.match($0, q).quality) } }
            }
        }
        let models = qualities(modelNames), useCases = qualities(useCaseNames)
        let publishers = qualities(sourcePublishers), titles = qualities(sourceTitles)
        // Sources: the better of publisher and title (publisher on a tie).
        let sources = zip(publishers, titles).map { min($0, $1) }

        let none = UInt8(SearchText.none)
        /// Rows of quality `cut` or worse can no longer make the list.
        var cut = none
        query.withUnsafeBufferPointer { q in
            Columns.with(table) { c in
                for i in 0..<c.flags.count {
                    var quality = UInt8(SearchText.match(c.organization(i), q).quality)
                    var field = Field.organization, value: UInt32 = 0
                    if quality > 0 {
                        let id = UInt8(SearchText.match(c.id(i), q).quality)
                        if id < quality { quality = id; field = .id }
                    }
                    if quality > 0 {
                        let (m, v) = Columns.best(models, c.models, i)
                        if m < quality { quality = m; field = .model; value = v }
                    }
                    if quality > 0 {
                        let (u, v) = Columns.best(useCases, c.useCases, i)
                        if u < quality { quality = u; field = .useCase; value = v }
                    }
                    if quality > 0 {
                        let (s, v) = Columns.best(sources, c.sources, i)
                        if s < quality { quality = s; field = publishers[Int(v)] == s ? .publisher : .title; value = v }
                    }
                    if quality > 0, c.flags[i] & 4 != 0 {
                        let n = UInt8(SearchText.match(c.note(i), q).quality)
                        if n < quality { quality = n; field = .note }
                    }
                    guard quality < cut else { continue }
                    buckets[Int(quality)].append(RowHit(row: Int32(i), field: field, value: value))
                    var total = 0
                    for k in 0..<3 {
                        total += buckets[k].count
                        if total >= limit { cut = UInt8(k); break }
                    }
                    if cut == 0 { break }
                }
            }
        }
        return buckets
    }

    /// The table's columns as raw buffers for one scan: a row's text or list is a slice,
    /// found with two loads and no call into the table.
    private struct Columns {
        typealias Text = (bytes: UnsafeBufferPointer<UInt8>, ends: UnsafeBufferPointer<UInt32>)
        typealias List = (values: UnsafeBufferPointer<UInt32>, ends: UnsafeBufferPointer<UInt32>)
        let organizations: Text, ids: Text, notes: Text
        let models: List, useCases: List, sources: List
        let flags: UnsafeBufferPointer<UInt8>

        static func with<R>(_ t: DeploymentTable, _ body: (Columns) -> R) -> R {
            t.withOrganizationColumn { ob, oe in t.withIDColumn { ib, ie in t.withNoteColumn { nb, ne in
            t.models.values.withUnsafeBufferPointer { mv in t.models.ends.withUnsafeBufferPointer { me in
            t.useCases.values.withUnsafeBufferPointer { uv in t.useCases.ends.withUnsafeBufferPointer { ue in
            t.sources.values.withUnsafeBufferPointer { sv in t.sources.ends.withUnsafeBufferPointer { se in
            t.flags.withUnsafeBufferPointer { flags in
                body(Columns(organizations: (ob, oe), ids: (ib, ie), notes: (nb, ne), models: (mv, me),
                             useCases: (uv, ue), sources: (sv, se), flags: flags))
            }}}}}}}}}}
        }

        @inline(__always) static func slice(_ c: Text, _ i: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: c.bytes[(i == 0 ? 0 : Int(c.ends[i - 1]))..<Int(c.ends[i])])
        }

        @inline(__always) func organization(_ i: Int) -> UnsafeBufferPointer<UInt8> { Columns.slice(organizations, i) }
        @inline(__always) func id(_ i: Int) -> UnsafeBufferPointer<UInt8> { Columns.slice(ids, i) }
        @inline(__always) func note(_ i: Int) -> UnsafeBufferPointer<UInt8> { Columns.slice(notes, i) }

        /// The best quality among row `i`'s values of a list column, and which value.
        @inline(__always) static func best(_ quality: [UInt8], _ list: List, _ i: Int) -> (UInt8, UInt32) {
            var b = UInt8(SearchText.none), which: UInt32 = 0
            for k in (i == 0 ? 0 : Int(list.ends[i - 1]))..<Int(list.ends[i]) {
                let v = list.values[k], qv = quality[Int(v)]
                if qv < b { b = qv; which = v }
            }
            return (b, which)
        }
    }

    /// The match with, when what matched is not in the name shown, why.
    private func describe(_ candidate: Candidate, _ q: [UInt8]) -> SearchMatch {
        switch candidate {
        case .region(let index, let key):
            let e = regions[index]
            let why: String? = switch key {
            case SearchIndex.codeKey: "code \(e.code)"
            case 2 where e.pinyinHidden: "pinyin: \(e.pinyin)"
            case 4...: "also: \(e.aliases[key - 4])"
            default: nil
            }
            return SearchMatch(.region(e.code), why: why)
        case .row(let hit):
            let i = Int(hit.row), v = Int(hit.value)
            let why: String? = switch hit.field {
            case .organization: nil
            case .id: "id: \(table.id(at: i))"
            case .model: "model: \(table.modelNames[v])"
            case .useCase: "use: \(table.useCaseNames[v])"
            case .publisher: "source: " + String(decoding: sourcePublishers[v], as: UTF8.self)
            case .title: "source: " + String(decoding: sourceTitles[v], as: UTF8.self)
            case .note: "note: " + table.withNoteBytes(i) { raw in
                let at = q.withUnsafeBufferPointer { SearchText.match(raw, $0).at }
                return (at > 0 ? "…" : "") + String(decoding: UnsafeBufferPointer(rebasing: raw[at...]), as: UTF8.self)
            }
            }
            return SearchMatch(.deployment(table.id(at: i)), why: why)
        }
    }
}
