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
        name: "中国", shortName: "全国", pinyin: "quan guo", english: "China", tile: nil)

    private let regions: [RegionCode: Region]
    private let childLists: [RegionCode: [RegionCode]]
    /// The 34 provincial-level divisions in code order.
    public let provinces: [Region]
    /// Tile grid size (rows, columns).
    public let gridSize: (rows: Int, columns: Int)

    init(table: String, tiles: [(province: Int32, row: Int, column: Int)]) {
        var tileOf: [Int32: TilePosition] = [:]
        for t in tiles { tileOf[t.province] = TilePosition(row: t.row, column: t.column) }
        var regions: [RegionCode: Region] = [.country: Gazetteer.countryRegion]
        var children: [RegionCode: [RegionCode]] = [:]
        for line in table.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count == 7, let code = Int32(f[0]), let parent = Int32(f[1]),
                  let level = Int(f[2]).flatMap(RegionLevel.init(rawValue:)) else { continue }
            let r = Region(code: RegionCode(value: code), parent: RegionCode(value: parent),
                           level: level, name: String(f[3]), shortName: String(f[4]),
                           pinyin: String(f[5]), english: String(f[6]),
                           tile: level == .province ? tileOf[code] : nil)
            regions[r.code] = r
            children[r.parent, default: []].append(r.code)
        }
        for k in children.keys { children[k]!.sort() }
        self.regions = regions
        self.childLists = children
        self.provinces = (children[.country] ?? []).compactMap { regions[$0] }
        self.gridSize = (tiles.map(\.row).max() ?? 0, tiles.map(\.column).max() ?? 0)
    }

    public func region(_ code: RegionCode) -> Region? { regions[code] }

    public func contains(_ code: RegionCode) -> Bool { regions[code] != nil }

    /// Direct children in code order (provinces for the country).
    public func children(of code: RegionCode) -> [RegionCode] { childLists[code] ?? [] }

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
