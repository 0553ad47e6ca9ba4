/// The level of a division: the country, then provincial, prefectural and county level.
public enum RegionLevel: Int, Comparable, Sendable {
    case country = 0, province, prefecture, county

    public static func < (a: RegionLevel, b: RegionLevel) -> Bool { a.rawValue < b.rawValue }
}

/// A place on the tile-grid map, 1-based.
public struct TilePosition: Hashable, Sendable {
    public let row: Int
    public let column: Int

    public init(row: Int, column: Int) { self.row = row; self.column = column }
}

/// One administrative division.
public struct Region: Sendable, Equatable {
    public let code: RegionCode
    /// `RegionCode.country` for provinces; the country has itself as parent.
    public let parent: RegionCode
    public let level: RegionLevel
    /// Full Chinese name, e.g. 广东省.
    public let name: String
    /// Short Chinese name, e.g. 广东.
    public let shortName: String
    /// Lower-case pinyin with spaces, e.g. "guang dong".
    public let pinyin: String
    /// The English name people use, shown beside the Chinese one: conventional where there is
    /// one ("Hohhot", "Urumqi", "Xi'an"), otherwise the pinyin ("Guangdong", "Shenzhen").
    public let english: String
    /// Other English names search finds it by, e.g. the bare pinyin "Huhehaote" for Hohhot,
    /// "Tibet" for Xizang, "Kashi" for Kashgar. Empty for most regions.
    public let aliases: [String]
    /// Where a province sits in the tile-grid map; nil below province level.
    public let tile: TilePosition?
}
