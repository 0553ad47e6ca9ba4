import AdoptCore
@testable import AdoptUI
import XCTest

/// `/` finds what people type: codes, sources, models, use cases, notes, names written with
/// or without apostrophes; regions with data before their namesakes.
final class SearchTests: XCTestCase {
    static func day(_ s: String) -> Day { Day(s)! }

    /// A hotline in Qingdao (the 12345 line, China Unicom's model, a China Daily report), a
    /// China Unicom branch in Guangzhou, and a bureau in 西安区 (Liaoyuan, Jilin): a county
    /// that shares its name with the city of Xi'an, which has no data here.
    static let store: Store = {
        let sources = [
            Source(id: "chinadaily-1", publisher: "China Daily (Ma Si)",
                   title: "Hotline answers residents with AI", date: day("2025-03-01")),
            Source(id: "qdnews-1", publisher: "Qingdao News (青岛新闻网)"),
        ]
        let deployments = [
            Deployment(id: "qd-jinhulu", region: RegionCode(value: 370202), organization: "市南区金湖路街道办事处",
                       date: day("2025-02-20"), status: .deployed, sector: .government,
                       models: ["DeepSeek-R1", "China Unicom Yuanjing"], useCases: ["12345 hotline"],
                       sources: ["chinadaily-1"],
                       note: "Residents' requests on the 12345 platform; used in a neighbour-dispute mediation."),
            Deployment(id: "gz-unicom", region: RegionCode(value: 440100), organization: "China Unicom Guangzhou Branch",
                       date: day("2025-02-25"), status: .piloting, sector: .enterprise,
                       models: ["DeepSeek-V3"], useCases: ["customer service"], sources: ["qdnews-1"]),
            Deployment(id: "jl-xian-district", region: RegionCode(value: 220403), organization: "辽源市西安区政务服务中心",
                       date: day("2025-03-10"), status: .deployed, sector: .government,
                       models: ["Qwen"], useCases: ["government services"], sources: ["qdnews-1"]),
        ]
        return Store(snapshots: [Snapshot(file: "search.json", asOf: day("2025-03-31"), sources: sources,
                                          deployments: deployments)])
    }()

    static let xian = RegionCode(value: 610100)
    static let xianDistrict = RegionCode(value: 220403)

    // MARK: Regions by code

    func testASixDigitCodeFindsItsRegion() {
        let index = SearchIndex(store: TestStore.make())
        let matches = index.matches("440304")
        XCTAssertEqual(matches.first, SearchMatch(.region(.futian), why: "code 440304"))
        XCTAssertEqual(index.search(" 440 304 ").first, .region(.futian))
    }

    func testACodePrefixListsTheSubtreeRegionsWithDataFirst() {
        let index = SearchIndex(store: TestStore.make())
        let results = index.search("4403")
        // Shenzhen and Futian have deployments; the other districts follow.
        XCTAssertEqual(Array(results.prefix(2)), [.region(.shenzhen), .region(.futian)])
        XCTAssertGreaterThan(results.count, 5)
        for case .region(let code) in results { XCTAssertEqual(code.value / 100, 4403, "\(code)") }
        // A province's code: the province, then what is under it.
        let guangdong = index.search("440000")
        XCTAssertEqual(guangdong.first, .region(.guangdong))
        XCTAssertTrue(guangdong.contains(.region(.shenzhen)))
        // One digit finds no codes (a tenth of the country).
        XCTAssertFalse(index.search("4").contains { if case .region = $0 { true } else { false } })
    }

    // MARK: Deployments by what they say

    func testSourcePublisherAndTitle() {
        let index = SearchIndex(store: Self.store)
        XCTAssertEqual(index.matches("China Daily"),
                       [SearchMatch(.deployment("qd-jinhulu"), why: "source: China Daily (Ma Si)")])
        XCTAssertEqual(index.matches("answers residents"),
                       [SearchMatch(.deployment("qd-jinhulu"), why: "source: Hotline answers residents with AI")])
    }

    func testModelNamesOrganisationFirstOnATie() {
        let index = SearchIndex(store: Self.store)
        // Both contain "unicom": the organisation's row and the model's row, in table order.
        XCTAssertEqual(index.matches("Unicom"), [
            SearchMatch(.deployment("qd-jinhulu"), why: "model: China Unicom Yuanjing"),
            SearchMatch(.deployment("gz-unicom")),
        ])
        XCTAssertEqual(index.matches("qwen"), [SearchMatch(.deployment("jl-xian-district"), why: "model: Qwen")])
        // Hyphens are ignored on both sides.
        XCTAssertEqual(index.search("deepseek r1"), [.deployment("qd-jinhulu")])
    }

    func testUseCasesBeforeANoteThatOnlyContainsTheWords() {
        let index = SearchIndex(store: Self.store)
        XCTAssertEqual(index.matches("12345"), [SearchMatch(.deployment("qd-jinhulu"), why: "use: 12345 hotline")])
        XCTAssertEqual(index.matches("customer"),
                       [SearchMatch(.deployment("gz-unicom"), why: "use: customer service")])
    }

    func testNoteTextFromWhereItMatched() {
        let index = SearchIndex(store: Self.store)
        XCTAssertEqual(index.matches("neighbour dispute"),
                       [SearchMatch(.deployment("qd-jinhulu"), why: "note: …neighbour-dispute mediation.")])
    }

    // MARK: Apostrophes, hyphens, spaces

    func testXiAnHoweverItIsWritten() {
        let index = SearchIndex(store: TestStore.make())
        for query in ["xian", "xi'an", "Xi'an", "xi an", "XI-AN", "xi’an", "西安"] {
            XCTAssertEqual(index.search(query).first, .region(Self.xian), query)
        }
        // The city by its pinyin needs no reason; the county 西安区 follows it.
        XCTAssertEqual(index.matches("xi'an").first?.why, nil)
        XCTAssertEqual(index.search("xi'an").prefix(3).contains(.region(Self.xianDistrict)), true)
    }

    func testByteMatchingAgreesWithTheNormalizedForm() {
        func quality(_ raw: String, _ query: String) -> Int {
            let q = SearchText.normalized(query)
            return Array(raw.utf8).withUnsafeBufferPointer { r in q.withUnsafeBufferPointer { SearchText.match(r, $0).quality } }
        }
        XCTAssertEqual(quality("Xi’an", "xian"), SearchText.exact)
        XCTAssertEqual(quality(" Xi'an ", "XI AN"), SearchText.exact)
        XCTAssertEqual(quality("DeepSeek-R1 beta", "deepseekr1"), SearchText.prefix)
        XCTAssertEqual(quality("深圳市福田区", "福田"), SearchText.substring)
        // Past the eight-byte skips, in either case, and at the very end.
        XCTAssertEqual(quality("abcdefghijklmnopQRS", "qrs"), SearchText.substring)
        XCTAssertEqual(quality("abcdefghijklmnopqrS", "S"), SearchText.substring)
        XCTAssertEqual(quality("abcdefghijklmnop", "x"), SearchText.none)
        XCTAssertEqual(quality("abcdefghijklmnop-q", "pq"), SearchText.substring)
        XCTAssertEqual(quality("@@@@@@@@`", "`"), SearchText.substring, "only letters fold")
        XCTAssertEqual(quality("@@@@@@@@@", "`"), SearchText.none)
    }

    // MARK: Ranking

    func testARegionWithDataBeatsItsNamesakes() {
        let index = SearchIndex(store: Self.store)
        XCTAssertEqual(Array(index.search("xi'an").prefix(2)), [.region(Self.xianDistrict), .region(Self.xian)])
        // Before its deployment, the county is a namesake like any other: the city comes first.
        let before = Self.store.counts(at: Self.day("2025-03-01"))
        XCTAssertEqual(index.search("xi'an", counts: before).first, .region(Self.xian))
        // Still exact before prefix: "xi an" is whole for both, "xian" a prefix of Xianyang.
        let results = index.search("xian")
        XCTAssertLessThan(results.firstIndex(of: .region(Self.xian))!,
                          results.firstIndex(of: .region(RegionCode(value: 610400)))!)
    }

    func testTheAppRanksByTheDateAndFilterOnScreen() {
        var app = App(store: Self.store, dataPath: "search.json", width: 120, height: 40)
        app.handle(.character("/"))
        app.type("xian")
        guard case .search(let state)? = app.overlay else { return XCTFail("search not open") }
        XCTAssertEqual(state.results.first, .region(Self.xianDistrict))
        app.handle(.escape)
        app.filter = Filter(sectors: [.enterprise])  // the county's bureau is filtered out
        app.handle(.character("/"))
        app.type("xian")
        guard case .search(let filtered)? = app.overlay else { return XCTFail("search not open") }
        XCTAssertEqual(filtered.results.first, .region(Self.xian))
    }

    // MARK: The overlay

    func testEachLineSaysWhyItMatched() {
        var app = App(store: Self.store, dataPath: "search.json", width: 140, height: 30)
        app.handle(.character("/"))
        app.type("unicom")
        let lines = app.render(width: 140, height: 30).lines
        let model = lines.first { $0.contains("市南区金湖路街道办事处") }
        XCTAssertTrue(model?.contains("model: China Unicom Yuanjing · 市南 Shinan · 2025-02-20") ?? false,
                      lines.joined(separator: "\n"))
        let organisation = lines.first { $0.contains("China Unicom Guangzhou Branch") }
        XCTAssertFalse(organisation?.contains(":") ?? true, organisation ?? "")
    }

    // MARK: The shipped data

    func testTheShippedDataAnswersWhatPeopleType() {
        let index = SearchIndex(store: Shipped.store)
        let china = index.matches("China Daily")
        XCTAssertGreaterThanOrEqual(china.count, 3)
        XCTAssertTrue(china.allSatisfy { $0.why?.hasPrefix("source: ") ?? false || $0.why == nil }, "\(china)")
        let unicom = index.matches("Unicom")
        XCTAssertTrue(unicom.contains { $0.why?.hasPrefix("model: China Unicom") ?? false }, "\(unicom)")
        let hotline = index.matches("12345")
        XCTAssertTrue(hotline.contains(SearchMatch(.deployment("sd-qingdao-shinan-jinhulu-12345"), why: "use: 12345 hotline")),
                      "\(hotline)")
        XCTAssertEqual(index.search("440304").first, .region(.futian))
        XCTAssertEqual(index.search("xi'an").first, .region(Self.xian))
    }
}
