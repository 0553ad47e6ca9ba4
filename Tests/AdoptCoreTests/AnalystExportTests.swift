import AdoptCore
import Foundation
import XCTest

/// `export --deployments`, `--by` and `--series` on the fixture, numbers worked out by hand
/// from Fixture.swift's seven deployments (all dated by 2025-03-10).
final class AnalystExportTests: XCTestCase {
    let asOf = Fixture.day("2025-03-10")

    private func csv(_ export: DeploymentExport) -> String {
        var out = ""
        export.writeCSV(to: &out)
        return out
    }

    func testShenzhenDeploymentRowsOldestFirst() {
        var ids: [String] = []
        DeploymentExport(store: Fixture.store, region: Fixture.code("440300"), at: asOf).forEachRow { ids.append($0.deployment.id) }
        // Shenzhen's subtree: c Longgang 02-08, b and g city-wide 02-10 (file order), a Futian 02-15.
        XCTAssertEqual(ids, ["c", "b", "g", "a"])
    }

    func testARowHasEveryLevelAndItsSources() {
        let text = csv(DeploymentExport(store: Fixture.store, region: Fixture.code("440300"), at: asOf))
        let lines = text.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 5, "header and 4 deployments")
        XCTAssertEqual(lines[0], DeploymentExport.columns.joined(separator: ","))
        // a: a district (county level) under Shenzhen under Guangdong; one source.
        XCTAssertEqual(lines[4], "a,440304,440000,广东省,Guangdong,440300,深圳市,Shenzhen,440304,福田区,Futian,"
            + "Futian District 福田区,,2025-02-15,false,deployed,government,DeepSeek-R1,DeepSeek,documents,false,,"
            + "China Daily,Shenzhen districts,2025-02-18,https://example.org/a")
        // g: city-wide (no county), approximate date, two sources joined with " | " in order;
        // the second source has only a publisher, so its title, date and URL are empty.
        XCTAssertEqual(lines[3], "g,440300,440000,广东省,Guangdong,440300,深圳市,Shenzhen,,,,"
            + "BYD 比亚迪,,2025-02-10,true,deployed,enterprise,DeepSeek,DeepSeek,driver assistance,false,,"
            + "China Daily | Zhiding,Shenzhen districts | ,2025-02-18 | ,https://example.org/a | ")
        // b: two models of one family: models joined with "; ", the family once.
        XCTAssertTrue(lines[2].contains(",DeepSeek-R1; DeepSeek-V3,DeepSeek,training,"), lines[2])
    }

    func testDateAndFilterNarrowTheRows() {
        var ids: [String] = []
        var filter = Filter()
        filter.sectors = [.government]
        DeploymentExport(store: Fixture.store, region: Fixture.code("440000"), at: Fixture.day("2025-02-16"), filter: filter)
            .forEachRow { ids.append($0.deployment.id) }
        // Guangdong by 02-16, government only: c 02-08, b 02-10, a 02-15 (g is an enterprise, d is 02-17).
        XCTAssertEqual(ids, ["c", "b", "a"])
    }

    func testDeploymentJSONIsValidAndTyped() throws {
        var text = ""
        DeploymentExport(store: Fixture.store, at: asOf).writeJSON(to: &text)
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        XCTAssertEqual(rows.count, 7)
        let g = try XCTUnwrap(rows.first { $0["id"] as? String == "g" })
        XCTAssertEqual(g["date_approximate"] as? Bool, true)
        XCTAssertEqual(g["models"] as? [String], ["DeepSeek"])
        XCTAssertTrue(g["county"] is NSNull)
        let sources = try XCTUnwrap(g["sources"] as? [[String: Any]])
        XCTAssertEqual(sources.map { $0["publisher"] as? String }, ["China Daily", "Zhiding"])
        XCTAssertTrue(sources[1]["url"] is NSNull)
        var empty = ""
        DeploymentExport(store: Fixture.store, region: Fixture.code("130000"), at: asOf).writeJSON(to: &empty)
        XCTAssertEqual(empty, "[]\n")
    }

    func testHostileOrganisationsAreQuotedAndNeutralised() {
        let d = Deployment(id: "x", region: Fixture.code("440304"), organization: "=HYPERLINK(\"http://e\"),\nBureau",
                           date: Fixture.day("2025-02-01"), status: .deployed, sector: .government,
                           models: ["-cmd"], note: "@note")
        let store = Store(snapshots: [Snapshot(file: "h.json", asOf: asOf, deployments: [d])])
        let text = csv(DeploymentExport(store: store, at: asOf))
        XCTAssertTrue(text.contains(",\"'=HYPERLINK(\"\"http://e\"\"),\nBureau\","), text)
        XCTAssertTrue(text.contains(",'-cmd,'-cmd,"), "model and its family (unknown: itself) neutralised")
        XCTAssertTrue(text.contains(",'@note,"))
    }

    func testByModelSharesCanAddUpToMoreThanOne() {
        let export = BreakdownExport(store: Fixture.store, facet: .model, region: Fixture.code("440000"), at: asOf)
        // Guangdong's 5 (a b c d g): DeepSeek-R1 in a b c d = 4, DeepSeek-V3 in b d = 2, DeepSeek in g = 1.
        XCTAssertEqual(export.csv, """
            value,deployments,share
            DeepSeek-R1,4,0.800
            DeepSeek-V3,2,0.400
            DeepSeek,1,0.200

            """)
    }

    func testBySectorAddsUpAndByBodyIsNotStated() {
        let sector = BreakdownExport(store: Fixture.store, facet: .sector, region: Fixture.code("440300"), at: asOf)
        // Shenzhen's 4: a b c government, g enterprise.
        XCTAssertEqual(sector.csv, "value,deployments,share\ngovernment,3,0.750\nenterprise,1,0.250\n")
        let body = BreakdownExport(store: Fixture.store, facet: .body, at: asOf)
        // No fixture deployment names its body: all 7 are "(not stated)".
        XCTAssertEqual(body.csv, "value,deployments,share\n(not stated),7,1.000\n")
    }

    func testByJSON() throws {
        let json = BreakdownExport(store: Fixture.store, facet: .modelFamily, region: Fixture.code("440000"), at: asOf).json
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        XCTAssertEqual(object["total"] as? Int, 5)
        XCTAssertEqual(object["multi_valued"] as? Bool, true)
        let rows = try XCTUnwrap(object["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.count, 1)
        XCTAssertEqual(rows[0]["value"] as? String, "DeepSeek")
        XCTAssertEqual(rows[0]["deployments"] as? Int, 5)
        XCTAssertEqual(rows[0]["share"] as? Double, 1.0)
    }

    func testJSONTextQuotesWithAndWithoutEscapes() {
        XCTAssertEqual(JSONText.quote("plain 深圳 text"), "\"plain 深圳 text\"")
        XCTAssertEqual(JSONText.quote("say \"hi\" \\ now"), "\"say \\\"hi\\\" \\\\ now\"")
        XCTAssertEqual(JSONText.quote("a\nb\u{7F}c\u{85}d\u{A0}e"), "\"a\\nb\\u007fc\\u0085d\u{A0}e\"")
    }

    func testSeriesByMonth() {
        let export = SeriesExport(store: Fixture.store, regions: [Fixture.code("440000"), Fixture.code("110000")],
                                  every: .month, through: asOf)
        // From the first deployment (c, 2025-02-08): February's end, then the day itself.
        // Guangdong: its 5 in February. Beijing: Fengtai (02-21).
        XCTAssertEqual(export.csv, """
            date,440000,110000
            2025-02-28,5,1
            2025-03-10,5,1

            """)
        var filter = Filter()
        filter.sectors = [.enterprise]
        let firms = SeriesExport(store: Fixture.store, regions: [Fixture.code("440000")], every: .month, through: asOf, filter: filter)
        XCTAssertEqual(firms.csv, "date,440000\n2025-02-28,1\n2025-03-10,1\n", "BYD only")
    }

    func testSeriesJSON() throws {
        let json = SeriesExport(store: Fixture.store, regions: [Fixture.code("440300")], every: .week,
                                through: Fixture.day("2025-02-16")).json
        let rows = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        // Weeks ending on Sundays from the first deployment (c, 2025-02-08): 02-09, 02-16.
        XCTAssertEqual(rows.map { $0["date"] as? String }, ["2025-02-09", "2025-02-16"])
        // Shenzhen: c by 02-09 (1), then b g a by 02-16 (4).
        XCTAssertEqual(rows.map { $0["440300"] as? Int }, [1, 4])
    }
}

/// The words the view options are given in: `--filter` text and `--region` names.
final class ViewWordsTests: XCTestCase {
    func testFilterSpecRoundTrips() throws {
        let text = "sector=government,model=DeepSeek,use-case=12345 hotline"
        let f = try FilterSpec.parse(text)
        XCTAssertEqual(f.sectors, [.government])
        XCTAssertEqual(f.models, ["DeepSeek"])
        XCTAssertEqual(f.useCases, ["12345 hotline"])
        XCTAssertEqual(try FilterSpec.parse(FilterSpec.format(f)), f)
        var g = Filter(sectors: [.enterprise, .publicService], statuses: [.piloting], text: "a, b",
                       bodies: [.court], excludeUncertain: true, families: ["Alibaba Qwen"])
        g.useCases = ["hotline, 12345"]
        XCTAssertEqual(try FilterSpec.parse(FilterSpec.format(g)), g, "commas inside values survive")
    }

    func testFilterSpecErrors() {
        XCTAssertThrowsError(try FilterSpec.parse("sector=govt"))
        XCTAssertThrowsError(try FilterSpec.parse("colour=red"))
        XCTAssertThrowsError(try FilterSpec.parse("model="))
    }

    func testRegionQuery() throws {
        let g = Gazetteer.shared
        XCTAssertEqual(try RegionQuery.resolve("guangdong", in: g), Fixture.code("440000"))
        XCTAssertEqual(try RegionQuery.resolve("Guang Dong", in: g), Fixture.code("440000"))
        XCTAssertEqual(try RegionQuery.resolve("深圳", in: g), Fixture.code("440300"))
        XCTAssertEqual(try RegionQuery.resolve("440300", in: g), Fixture.code("440300"))
        XCTAssertEqual(try RegionQuery.resolve("xi'an", in: g), Fixture.code("610100"))
        XCTAssertEqual(try RegionQuery.resolve("xian", in: g), Fixture.code("610100"))
        XCTAssertEqual(try RegionQuery.resolve("000000", in: g), .country)
        // 朝阳区 is a district of Beijing and one of Changchun: the same level, so ask for the code.
        XCTAssertThrowsError(try RegionQuery.resolve("朝阳区", in: g)) { error in
            let message = "\(error)"
            XCTAssertTrue(message.contains("ambiguous") && message.contains("110105") && message.contains("220104"), message)
        }
        XCTAssertThrowsError(try RegionQuery.resolve("999999", in: g))
        XCTAssertThrowsError(try RegionQuery.resolve("Atlantis", in: g))
    }

    func testCSVFieldsHostile() {
        XCTAssertEqual(CSV.field("=1+2"), "'=1+2")
        XCTAssertEqual(CSV.field("+1"), "'+1")
        XCTAssertEqual(CSV.field("-1"), "'-1")
        XCTAssertEqual(CSV.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSV.field("\tx"), "'\tx")
        XCTAssertEqual(CSV.field("\rx"), "\"'\rx\"", "neutralised, then quoted for the CR")
        XCTAssertEqual(CSV.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSV.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSV.field("line\nbreak"), "\"line\nbreak\"")
        XCTAssertEqual(CSV.field("x\r\ny"), "\"x\r\ny\"")
        XCTAssertEqual(CSV.field("=a,\"b\""), "\"'=a,\"\"b\"\"\"")
        XCTAssertEqual(CSV.field("a=b"), "a=b", "only a leading character is dangerous")
        XCTAssertEqual(CSV.field("福田区"), "福田区")
        XCTAssertEqual(CSV.field(""), "")
        XCTAssertEqual(CSV.line(["=x", "a,b", "c"]), "'=x,\"a,b\",c\n")
        // A comma or quote with a combining mark is one Character but still the byte a CSV
        // reader splits on: quoted all the same (it was not, when fields were scanned by Character).
        XCTAssertEqual(CSV.field("a,\u{301}b"), "\"a,\u{301}b\"")
        XCTAssertEqual(CSV.field("x\"\u{301}"), "\"x\"\"\u{301}\"")
        XCTAssertEqual(CSV.field("=\u{301}"), "'=\u{301}")
    }
}
