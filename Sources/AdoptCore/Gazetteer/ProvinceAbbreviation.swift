/// Two-letter abbreviations of the 34 provincial-level divisions, for map tiles too small for
/// a name: the subdivision part of their ISO 3166-2:CN codes (CN-GD → GD).
///
/// From ISO 3166-2:CN as changed by ISO 3166-1 Newsletter / Online Browsing Platform update of
/// 2017-11-23, which replaced the two-digit codes (CN-44) with letters taken from GB/T 2260's
/// alphabetic codes. Letters rather than one-character Chinese abbreviations (粤, 鲁) or cut
/// names: 河 is both Hebei and Henan and 山 both Shanxi and Shandong, while ISO keeps each pair
/// apart (HE / HA, SX / SD, and SN for Shaanxi). Not part of the generated `GazetteerTable`
/// (AreaCity has no such column), so kept here by hand; `GazetteerTests` checks that every
/// province has one and no two share one.
public enum ProvinceAbbreviation {
    /// Province code → ISO 3166-2:CN letters.
    public static let iso: [Int32: String] = [
        110000: "BJ", // Beijing
        120000: "TJ", // Tianjin
        130000: "HE", // Hebei
        140000: "SX", // Shanxi
        150000: "NM", // Nei Mongol (Inner Mongolia)
        210000: "LN", // Liaoning
        220000: "JL", // Jilin
        230000: "HL", // Heilongjiang
        310000: "SH", // Shanghai
        320000: "JS", // Jiangsu
        330000: "ZJ", // Zhejiang
        340000: "AH", // Anhui
        350000: "FJ", // Fujian
        360000: "JX", // Jiangxi
        370000: "SD", // Shandong
        410000: "HA", // Henan
        420000: "HB", // Hubei
        430000: "HN", // Hunan
        440000: "GD", // Guangdong
        450000: "GX", // Guangxi
        460000: "HI", // Hainan
        500000: "CQ", // Chongqing
        510000: "SC", // Sichuan
        520000: "GZ", // Guizhou
        530000: "YN", // Yunnan
        540000: "XZ", // Xizang (Tibet)
        610000: "SN", // Shaanxi
        620000: "GS", // Gansu
        630000: "QH", // Qinghai
        640000: "NX", // Ningxia
        650000: "XJ", // Xinjiang
        710000: "TW", // Taiwan
        810000: "HK", // Hong Kong
        820000: "MO", // Macao
    ]
}

extension Region {
    /// The ISO 3166-2:CN letters of a provincial-level division ("GD"); nil below it.
    public var abbreviation: String? {
        level == .province ? ProvinceAbbreviation.iso[code.value] : nil
    }
}
