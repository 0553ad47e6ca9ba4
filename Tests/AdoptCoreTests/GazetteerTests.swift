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
}
