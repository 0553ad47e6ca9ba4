import XCTest
@testable import AdoptCore

/// The gazetteer's names: conventional English where there is one, pinyin kept as an alias.
final class GazetteerTests: XCTestCase {
    let gazetteer = Gazetteer.shared

    private func region(_ code: Int32, file: StaticString = #filePath, line: UInt = #line) -> Region? {
        let r = gazetteer.region(RegionCode(value: code))
        XCTAssertNotNil(r, "\(code) is not in the gazetteer", file: file, line: line)
        return r
    }

    func testConventionalNamesAreShownAndPinyinIsAnAlias() {
        XCTAssertEqual(region(150100)?.english, "Hohhot")
        XCTAssertEqual(region(150100)?.aliases, ["Huhehaote"])
        XCTAssertEqual(region(650100)?.english, "Urumqi")
        XCTAssertEqual(region(610100)?.english, "Xi'an")
        XCTAssertEqual(region(610100)?.aliases, ["Xian"])
        XCTAssertEqual(region(654022)?.english, "Qapqal")
        XCTAssertEqual(region(654022)?.aliases, ["Chabuchaer"])
        XCTAssertEqual(region(653100)?.english, "Kashgar")
        XCTAssertEqual(region(653100)?.aliases, ["Kashi"])
        XCTAssertEqual(region(653101)?.english, "Kashgar")
        XCTAssertEqual(region(653101)?.aliases, ["Kashishi", "Kashi"])
        XCTAssertEqual(region(540200)?.english, "Shigatse")
        XCTAssertEqual(region(710100)?.english, "Taipei")
    }

    func testProvinceNamesStayAndGainAliases() {
        XCTAssertEqual(region(540000)?.english, "Xizang")
        XCTAssertEqual(region(540000)?.aliases, ["Tibet"])
        XCTAssertEqual(region(150000)?.english, "Inner Mongolia")
        XCTAssertEqual(region(810000)?.english, "Hong Kong")
        XCTAssertEqual(region(820000)?.english, "Macao")
        XCTAssertEqual(region(820000)?.aliases, ["Macau"])
        XCTAssertEqual(region(710000)?.english, "Taiwan")
    }

    func testPlacesWithoutAConventionalNameKeepPinyinAndNoAliases() {
        XCTAssertEqual(region(150200)?.english, "Baotou")
        XCTAssertEqual(region(440300)?.english, "Shenzhen")
        XCTAssertEqual(region(440300)?.aliases, [])
        XCTAssertEqual(Gazetteer.countryRegion.aliases, [])
    }

    func testAliasesAreNonEmptyAndDifferFromTheName() {
        var withAliases = 0
        for r in gazetteer.allRegions where !r.aliases.isEmpty {
            withAliases += 1
            XCTAssertFalse(r.aliases.contains(""), "\(r.code)")
            XCTAssertFalse(r.aliases.contains(r.english), "\(r.code)")
            XCTAssertEqual(Set(r.aliases).count, r.aliases.count, "\(r.code)")
        }
        // A small hand-kept table, not a second name for everything.
        XCTAssertGreaterThan(withAliases, 50)
        XCTAssertLessThan(withAliases, 200)
        XCTAssertEqual(gazetteer.count, 3596)
    }

    /// Every provincial-level tile has ISO 3166-2:CN letters of its own, so a map too small
    /// for names stays unambiguous (河北 / 河南 are HE / HA, 山西 / 陕西 / 山东 SX / SN / SD).
    func testEveryProvinceHasAUniqueTwoLetterAbbreviation() {
        let provinces = gazetteer.provinces
        XCTAssertEqual(provinces.count, 34)
        var seen: [String: String] = [:]
        for p in provinces {
            guard let a = p.abbreviation else { XCTFail("\(p.code) \(p.english) has no abbreviation"); continue }
            XCTAssertEqual(a.count, 2, "\(p.english): \(a)")
            XCTAssertTrue(a.allSatisfy { $0.isASCII && $0.isUppercase }, "\(p.english): \(a)")
            if let other = seen[a] { XCTFail("\(a) is both \(other) and \(p.english)") }
            seen[a] = p.english
        }
        XCTAssertEqual(ProvinceAbbreviation.iso.count, 34, "no entry for a code outside the gazetteer")
        let pairs: [(Int32, String)] = [(440000, "GD"), (370000, "SD"), (130000, "HE"), (410000, "HA"),
                                        (140000, "SX"), (610000, "SN"), (150000, "NM"), (810000, "HK"),
                                        (820000, "MO"), (710000, "TW"), (500000, "CQ"), (460000, "HI")]
        for (code, letters) in pairs { XCTAssertEqual(region(code)?.abbreviation, letters) }
        XCTAssertNil(region(440300)?.abbreviation, "prefectures have none")
    }
}
