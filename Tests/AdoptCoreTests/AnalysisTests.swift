import Foundation
import AdoptCore
import XCTest

/// Model families, facet counts, breakdowns and series on the hand-made fixture. The
/// fixture at 2025-03-10, country-wide: a b c d (Guangdong, government, deployed),
/// e (Beijing, piloting), f (Xinjiang, training), g (Shenzhen, enterprise, approximate date).
final class AnalysisTests: XCTestCase {
    let store = Fixture.store
    let asOf = Fixture.day("2025-03-10")

    func testFamiliesRollUpVersionsAndSpellings() {
        XCTAssertEqual(ModelFamily.of("DeepSeek-R1").name, "DeepSeek")
        XCTAssertEqual(ModelFamily.of("DeepSeek-R1:7b").name, "DeepSeek")
        XCTAssertEqual(ModelFamily.of("deepseek v3").name, "DeepSeek")
        XCTAssertEqual(ModelFamily.of("通义千问").name, "Alibaba Qwen")
        XCTAssertEqual(ModelFamily.of("Qwen2.5").vendor, "Alibaba")
        XCTAssertEqual(ModelFamily.of("混元").name, "Tencent Hunyuan")
        XCTAssertEqual(ModelFamily.of("Hunyuan").name, "Tencent Hunyuan")
        XCTAssertEqual(ModelFamily.of("Huawei Pangu").name, "Huawei Pangu")
        XCTAssertEqual(ModelFamily.of("Yi-34B").name, "01.AI Yi")
        // Not a Latin-word split: "Yiyan" is not 01.AI's Yi; "Sparkle" is not iFlytek's Spark.
        XCTAssertEqual(ModelFamily.of("Yiyan"), ModelFamily(name: "Yiyan", vendor: nil))
        XCTAssertEqual(ModelFamily.of("Sparkle").vendor, nil)
        // An unknown name stands as itself.
        XCTAssertEqual(ModelFamily.of("SunshineGLM V1.0"), ModelFamily(name: "SunshineGLM V1.0", vendor: nil))
    }

    func testFamilyVocabularyIsDocumented() throws {
        let format = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/FORMAT.md")
        let text = try String(contentsOf: format, encoding: .utf8)
        for f in ModelFamily.known {
            XCTAssertTrue(text.contains("| \(f.name) | \(f.vendor ?? "") |"), "docs/FORMAT.md lists \(f.name)")
        }
    }

    func testShippedModelNamesRollUp() throws {
        let data = DataSet.load(paths: [ShippedDataTests.dataDirectory])
        let store = Store(snapshots: data.snapshots)
        let families = Set(store.models.map { ModelFamily.of($0).name })
        XCTAssertTrue(families.contains("DeepSeek"))
        XCTAssertTrue(families.contains("Tencent Hunyuan"))
        XCTAssertTrue(families.contains("China Unicom Yuanjing"))
        XCTAssertFalse(families.contains("DeepSeek-R1"), "versions roll up")
    }

    func testFamilyFilterMatchesAnyModelOfTheFamily() {
        let f = Filter(families: ["DeepSeek"])
        XCTAssertEqual(store.counts(at: asOf, filter: f)[.country], 7)
        XCTAssertEqual(store.counts(at: asOf, filter: Filter(families: ["Alibaba Qwen"]))[.country], 0)
        XCTAssertEqual(store.deployments(in: .country, at: asOf, filter: f).count, 7)
    }

    func testBreakdownCountsEachValueOnce() {
        let c = store.facetCounts(in: .country, at: asOf)
        XCTAssertEqual(c.total, 7)
        // R1: a b c d; V3: b d; DeepSeek: e f g. Family DeepSeek: all 7, once each.
        XCTAssertEqual(c.breakdown(.model).rows.map { "\($0.value)=\($0.count)" },
                       ["DeepSeek-R1=4", "DeepSeek=3", "DeepSeek-V3=2"])
        XCTAssertEqual(c.breakdown(.modelFamily).rows.map(\.count), [7])
        XCTAssertEqual(c.breakdown(.sector).rows.map { "\($0.value)=\($0.count)" }, ["government=6", "enterprise=1"])
        XCTAssertEqual(c.breakdown(.status).rows.reduce(0) { $0 + $1.count }, 7, "single-valued rows add up to the total")
        XCTAssertEqual(c.breakdown(.body).unstated, 7, "the fixture gives no body")
        XCTAssertEqual(c.breakdown(.sector).rows.first?.share ?? 0, 6.0 / 7.0, accuracy: 1e-9)
        XCTAssertEqual(c.approximate, 1)
    }

    func testChoicesApplyTheOtherFacetsOnly() {
        // sector=enterprise: total 1 (g). The sector counts ignore the sector choice (6 / 1);
        // the status counts apply it (g is deployed).
        let f = Filter(sectors: [.enterprise])
        let c = store.facetCounts(in: .country, at: asOf, filter: f)
        XCTAssertEqual(c.total, 1)
        XCTAssertEqual(c.count(.sector, "government"), 6)
        XCTAssertEqual(c.count(.sector, "enterprise"), 1)
        XCTAssertEqual(c.count(.status, "deployed"), 1)
        XCTAssertEqual(c.count(.status, "piloting"), 0)
        // Two facets: government AND piloting = e only. Status counts under government: deployed
        // a b c d = 4, piloting 1, training 1; sector counts under piloting: government 1.
        let g = store.facetCounts(in: .country, at: asOf, filter: Filter(sectors: [.government], statuses: [.piloting]))
        XCTAssertEqual(g.total, 1)
        XCTAssertEqual(g.count(.status, "deployed"), 4)
        XCTAssertEqual(g.count(.status, "training"), 1)
        XCTAssertEqual(g.count(.sector, "government"), 1)
        XCTAssertEqual(g.count(.sector, "enterprise"), 0)
        // Each count is what ticking that value alone would give.
        for status in Status.allCases {
            let ticked = Filter(sectors: [.government], statuses: [status])
            XCTAssertEqual(g.count(.status, status.rawValue), store.counts(at: asOf, filter: ticked)[.country] ?? 0, status.rawValue)
        }
    }

    func testCountsFollowRegionAndDate() {
        // Shenzhen at 2025-02-10: b and g (c is 02-08 in Longgang: also Shenzhen) = 3.
        let sz = Fixture.code("440300")
        XCTAssertEqual(store.facetCounts(in: sz, at: Fixture.day("2025-02-10")).total, 3)
        XCTAssertEqual(store.facetCounts(in: sz, at: asOf).total, 4)
        XCTAssertEqual(store.breakdown(.useCase, in: sz, at: asOf).rows.map(\.value).sorted(),
                       ["documents", "driver assistance", "hotline", "training"])
    }

    func testCountsMovedWithTheDateEqualAFreshPass() {
        // One store walks the date back and forth; a fresh store counts each date from nothing.
        let days = ["2025-03-10", "2025-02-09", "2025-02-17", "2025-01-01", "2025-03-10", "2025-02-15"].map(Fixture.day)
        let filters = [Filter(), Filter(sectors: [.government]), Filter(models: ["DeepSeek-V3"], excludeApproximate: true)]
        for code in [RegionCode.country, Fixture.code("440000"), Fixture.code("440300")] {
            for filter in filters {
                for day in days {
                    let moved = store.facetCounts(in: code, at: day, filter: filter)
                    let fresh = Store(snapshots: [Fixture.snapshot]).facetCounts(in: code, at: day, filter: filter)
                    XCTAssertEqual(moved.total, fresh.total, "\(code) \(day)")
                    XCTAssertEqual(moved.choices, fresh.choices, "\(code) \(day)")
                    XCTAssertEqual(moved.matching, fresh.matching, "\(code) \(day)")
                    XCTAssertEqual(moved.total, store.counts(at: day, filter: filter)[code] ?? 0, "\(code) \(day)")
                }
            }
        }
    }

    func testBackgroundCountsArriveAndWakeTheLoop() {
        let store = Store(snapshots: [Fixture.snapshot])
        let woke = expectation(description: "ready")
        // rowLimit 1: a new (region, filter) is counted in the background; a step of the
        // date over one row is counted in the frame.
        let background = BackgroundCounts(rowLimit: 1) { woke.fulfill() }
        let filter = Filter(sectors: [.government])
        XCTAssertNil(background.facetCounts(store, in: .country, at: asOf, filter: filter), "not counted yet")
        wait(for: [woke], timeout: 10)
        XCTAssertEqual(background.facetCounts(store, in: .country, at: asOf, filter: filter)?.total, 6)
        // f (2025-03-10) is the only row between the two dates.
        XCTAssertEqual(background.facetCounts(store, in: .country, at: Fixture.day("2025-03-09"), filter: filter)?.total, 5)
    }

    func testSeriesIsCumulativePerPeriod() {
        let gd = Fixture.code("440000"), bj = Fixture.code("110000")
        let s = store.series(of: [gd, bj], every: .week, through: asOf, from: Fixture.day("2025-02-03"))
        // Weeks end on Sundays: 02-09, 02-16, 02-23, 03-02, 03-09, then the through day 03-10.
        XCTAssertEqual(s.dates.map(\.description), ["2025-02-09", "2025-02-16", "2025-02-23", "2025-03-02", "2025-03-09", "2025-03-10"])
        // Guangdong: c 02-08; b g 02-10; a 02-15; d 02-17.
        XCTAssertEqual(s.values[0], [1, 4, 5, 5, 5, 5])
        XCTAssertEqual(s.values[1], [0, 0, 1, 1, 1, 1])
        let m = store.series(of: [.country], every: .month, through: asOf, from: Fixture.day("2025-02-01"))
        XCTAssertEqual(m.dates.map(\.description), ["2025-02-28", "2025-03-10"])
        XCTAssertEqual(m.values[0], [6, 7])
    }

    func testCSVFieldsAreQuotedAndNeutralised() {
        XCTAssertEqual(CSV.field("plain"), "plain")
        XCTAssertEqual(CSV.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSV.field("say \"hi\""), "\"say \"\"hi\"\"\"")
        XCTAssertEqual(CSV.field("line\nbreak"), "\"line\nbreak\"")
        XCTAssertEqual(CSV.field("=1+1"), "'=1+1")
        XCTAssertEqual(CSV.field("+86"), "'+86")
        XCTAssertEqual(CSV.field("-2"), "'-2")
        XCTAssertEqual(CSV.field("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSV.field("\tx"), "'\tx")
        XCTAssertEqual(CSV.field("\rx"), "\"'\rx\"")
        XCTAssertEqual(CSV.field("=HYPERLINK(\"x\",\"y\")"), "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"")
        XCTAssertEqual(CSV.line(["福田区", "1"]), "福田区,1\n")
        XCTAssertEqual(CSV.share(2.0 / 3.0), "0.667")
        XCTAssertEqual(CSV.share(1), "1.000")
    }

    func testFilterSpecRoundTrips() throws {
        let f = try FilterSpec.parse("sector=government,model=DeepSeek,use-case=12345 hotline")
        XCTAssertEqual(f, Filter(sectors: [.government], models: ["DeepSeek"], useCases: ["12345 hotline"]))
        let g = try FilterSpec.parse("sector=government,sector=enterprise,family=DeepSeek,use-case=Q&A, policy,certainty=no-uncertain,text=futian")
        XCTAssertEqual(g.sectors, [.government, .enterprise])
        XCTAssertEqual(g.families, ["DeepSeek"])
        XCTAssertEqual(g.useCases, ["Q&A, policy"], "a piece without a key continues the value")
        XCTAssertTrue(g.excludeUncertain)
        XCTAssertEqual(g.text, "futian")
        XCTAssertEqual(try FilterSpec.parse(FilterSpec.format(g)), g)
        XCTAssertEqual(FilterSpec.format(Filter()), "")
        XCTAssertThrowsError(try FilterSpec.parse("sector=goverment")) {
            XCTAssertTrue("\($0)".contains("government"), "names the known values: \($0)")
        }
        XCTAssertThrowsError(try FilterSpec.parse("colour=red"))
        XCTAssertThrowsError(try FilterSpec.parse("model="))
    }

    func testRegionsByNameInEveryScript() throws {
        let g = store.gazetteer
        XCTAssertEqual(try RegionQuery.resolve("guangdong", in: g), Fixture.code("440000"))
        XCTAssertEqual(try RegionQuery.resolve("Guang Dong", in: g), Fixture.code("440000"))
        XCTAssertEqual(try RegionQuery.resolve("广东省", in: g), Fixture.code("440000"))
        XCTAssertEqual(try RegionQuery.resolve("深圳", in: g), Fixture.code("440300"))
        XCTAssertEqual(try RegionQuery.resolve("440304", in: g), Fixture.code("440304"))
        XCTAssertEqual(try RegionQuery.resolve("xi'an", in: g), try RegionQuery.resolve("Xian", in: g))
        XCTAssertEqual(try RegionQuery.resolve("Jilin", in: g), Fixture.code("220000"), "the province over the city")
        XCTAssertEqual(try RegionQuery.resolve("000000", in: g), .country)
        XCTAssertThrowsError(try RegionQuery.resolve("999999", in: g))
        XCTAssertThrowsError(try RegionQuery.resolve("Atlantis", in: g))
    }

    func testCommandLineReproducesTheView() throws {
        let spec = ViewSpec(region: Fixture.code("440300"), date: Fixture.day("2025-03-01"),
                            filter: Filter(sectors: [.government], useCases: ["12345 hotline"]), view: "table")
        XCTAssertEqual(spec.commandLine(),
                       "adopt --region 440300 --date 2025-03-01 --filter 'sector=government,use-case=12345 hotline' --view table")
        XCTAssertEqual(spec.commandLine(command: ["export", "--deployments"]),
                       "adopt export --deployments --region 440300 --date 2025-03-01 --filter 'sector=government,use-case=12345 hotline'")
        XCTAssertEqual(ViewSpec.shellQuoted("it's"), "'it'\\''s'")
        XCTAssertEqual(ViewSpec.shellQuoted("深圳"), "深圳")
    }
}
