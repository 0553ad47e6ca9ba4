/// Every division of China at province, prefecture and county level, built into the binary so
/// a snapshot directory anywhere works from any working directory.
///
/// Derived from the AreaCity list (see Scripts/make-gazetteer.py and docs/DATA.md); parent links
/// come from that list, not code arithmetic, because some county-level cities hang directly
/// under a province (e.g. 429004 Xiantao).
public final class Gazetteer: Sendable {
    public static let shared = Gazetteer(table: GazetteerTable.rows, tiles: GazetteerTable.tiles)

    public static let countryRegion = Region(
        code: .country, parent: .country, level: .country,
        name: "中国", shortName: "全国", pinyin: "quan guo", english: "China", aliases: [], tile: nil)

    private let regions: [RegionCode: Region]
    private let childLists: [RegionCode: [RegionCode]]
    /// The 34 provincial-level divisions in code order.
    public let provinces: [Region]
    /// Tile grid size (rows, columns).
    public let gridSize: (rows: Int, columns: Int)

    /// Dense numbering of every region (slot 0 is the country), so per-region figures live in
    /// flat arrays instead of dictionaries.
    public let codes: [RegionCode]
    /// Slot by code value (0 ..< 1,000,000), -1 for none: one array read, no hashing, on the
    /// loader's and the store's hot paths.
    private let slots: [Int32]
    /// The parent's slot for each slot (the country's is itself).
    public let parentSlots: [Int32]
    /// The province slot each slot lies in (0 for the country itself).
    public let provinceSlots: [Int32]
    /// Slots ordered deepest level first: adding each to its parent in this order rolls
    /// counts up from county to province to country in one pass.
    public let rollUpOrder: [Int32]

    init(table: String, tiles: [(province: Int32, row: Int, column: Int)]) {
        var tileOf: [Int32: TilePosition] = [:]
        for t in tiles { tileOf[t.province] = TilePosition(row: t.row, column: t.column) }
        var regions: [RegionCode: Region] = [.country: Gazetteer.countryRegion]
        var children: [RegionCode: [RegionCode]] = [:]
        for line in table.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            // Seven fields, or eight on the few rows with aliases (`;`-separated).
            guard f.count == 7 || f.count == 8, let code = Int32(f[0]), let parent = Int32(f[1]),
                  let level = Int(f[2]).flatMap(RegionLevel.init(rawValue:)) else { continue }
            let aliases = f.count == 8 ? f[7].split(separator: ";").map(String.init) : []
            let r = Region(code: RegionCode(value: code), parent: RegionCode(value: parent),
                           level: level, name: String(f[3]), shortName: String(f[4]),
                           pinyin: String(f[5]), english: String(f[6]), aliases: aliases,
                           tile: level == .province ? tileOf[code] : nil)
            regions[r.code] = r
            children[r.parent, default: []].append(r.code)
        }
        for k in children.keys { children[k]!.sort() }
        self.regions = regions
        self.childLists = children
        self.provinces = (children[.country] ?? []).compactMap { regions[$0] }
        self.gridSize = (tiles.map(\.row).max() ?? 0, tiles.map(\.column).max() ?? 0)
        let codes = [RegionCode.country] + regions.keys.filter { $0 != .country }.sorted()
        var slots = [Int32](repeating: -1, count: 1_000_000)
        for (k, c) in codes.enumerated() { slots[Int(c.value)] = Int32(k) }
        self.codes = codes
        self.slots = slots
        self.parentSlots = codes.map { max(0, slots[Int(regions[$0]!.parent.value)]) }
        self.provinceSlots = codes.map { code in
            var c = code
            while let r = regions[c], r.level > .province { c = r.parent }
            return c == .country ? 0 : max(0, slots[Int(c.value)])
        }
        // Deepest level first, later slots first within a level: bucketed by level rather than
        // sorted with dictionary look-ups in the comparator (a tenth of every start-up).
        let levels = codes.map { regions[$0]!.level }
        var order: [Int32] = []
        order.reserveCapacity(codes.count)
        for level in [RegionLevel.county, .prefecture, .province] {
            for k in stride(from: codes.count - 1, through: 1, by: -1) where levels[k] == level { order.append(Int32(k)) }
        }
        self.rollUpOrder = order
    }

    /// The slot of a region, or nil when the code is unknown.
    public func slot(of code: RegionCode) -> Int32? {
        guard code.value >= 0, code.value < 1_000_000 else { return nil }
        let s = slots[Int(code.value)]
        return s < 0 ? nil : s
    }

    public func region(_ code: RegionCode) -> Region? { regions[code] }

    public func contains(_ code: RegionCode) -> Bool { slot(of: code) != nil }

    /// Direct children in code order (provinces for the country).
    public func children(of code: RegionCode) -> [RegionCode] { childLists[code] ?? [] }

    /// The slots of a region and everything below it (all slots for the country).
    public func subtreeSlots(of code: RegionCode) -> [Int32] {
        guard let root = slot(of: code) else { return [] }
        if root == 0 { return codes.indices.map { Int32($0) } }
        var out: [Int32] = [root]
        var k = 0
        while k < out.count {
            for c in children(of: codes[Int(out[k])]) { if let s = slot(of: c) { out.append(s) } }
            k += 1
        }
        return out
    }

    /// The region itself, then its parent, up to but not including the country.
    public func lineage(of code: RegionCode) -> [RegionCode] {
        var out: [RegionCode] = []
        var c = code
        while c != .country, let r = regions[c] {
            out.append(c)
            c = r.parent
        }
        return out
    }

    /// All regions, for search.
    public var allRegions: Dictionary<RegionCode, Region>.Values { regions.values }

    public var count: Int { regions.count - 1 }
}
