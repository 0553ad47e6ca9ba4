import AdoptCore
import XCTest

final class ExportTests: XCTestCase {
    func testCSVOfGuangdongPrefectures() {
        let csv = RegionExport(store: Fixture.store, region: Fixture.code("440000"), at: Fixture.day("2025-03-10")).csv
        let lines = csv.split(separator: "\n")
        XCTAssertEqual(lines.count, 23, "header, 21 prefectures, Guangdong's own row")
        XCTAssertEqual(lines[0], "code,name,english,level,deployments,covered,children,first_date,as_of,scope,firm_deployments")
        XCTAssertEqual(lines[1], "440100,广州市,Guangzhou,prefecture,1,0,11,2025-02-17,2025-03-10,subtree,1")
        XCTAssertEqual(lines[3], "440300,深圳市,Shenzhen,prefecture,4,2,9,2025-02-08,2025-03-10,subtree,4")
        XCTAssertEqual(lines[2], "440200,韶关市,Shaoguan,prefecture,0,0,10,,2025-03-10,subtree,0")
        XCTAssertEqual(lines[22], "440000,广东省,Guangdong,province,0,,,,2025-03-10,own,0", "no province-wide deployment")
    }

    func testShenzhenAddsUpWithItsCityWideRow() {
        let csv = RegionExport(store: Fixture.store, region: Fixture.code("440300"), at: Fixture.day("2025-03-10")).csv
        let lines = csv.split(separator: "\n")
        // Shenzhen's 4: Futian and Longgang in districts, the city government and BYD city-wide.
        XCTAssertEqual(lines.last, "440300,深圳市,Shenzhen,prefecture,2,,,2025-02-10,2025-03-10,own,2")
        let sum = lines.dropFirst().reduce(0) { $0 + Int($1.split(separator: ",", omittingEmptySubsequences: false)[4])! }
        XCTAssertEqual(sum, 4)
    }

    func testProvinceRowsAtAnEarlierDate() {
        let table = RegionExport(store: Fixture.store, at: Fixture.day("2025-02-12"))
        XCTAssertEqual(table.rows.count, 34)
        XCTAssertEqual(table.rows.first { $0.region.code == Fixture.code("440000") }?.count, 3)
        XCTAssertEqual(table.rows.reduce(0) { $0 + $1.count }, 3)
    }

    func testJSONIsValidAndTyped() throws {
        let json = RegionExport(store: Fixture.store, at: Fixture.day("2025-03-10")).json
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 34)
        let gd = rows.first { $0["code"] as? String == "440000" }!
        XCTAssertEqual(gd["deployments"] as? Int, 5)
        XCTAssertEqual(gd["name"] as? String, "广东省")
        XCTAssertEqual(gd["first_date"] as? String, "2025-02-08")
        XCTAssertTrue(rows.first { $0["code"] as? String == "130000" }!["first_date"] is NSNull)
    }

    func testCSVQuotingAndFormulaGuard() {
        XCTAssertEqual(JSONText.quote("a\"b\n\u{1B}"), "\"a\\\"b\\n\\u001b\"")
    }
}
