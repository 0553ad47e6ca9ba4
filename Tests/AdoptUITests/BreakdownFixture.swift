import AdoptCore
@testable import AdoptUI

/// A store for the facet counts, the breakdown and exports, small enough to count by hand.
/// At its asOf (2025-03-15):
///
/// | id | region | sector | status | models | use cases | body | marked |
/// |---|---|---|---|---|---|---|---|
/// | a | 440304 福田区 | government | deployed | DeepSeek-R1, Qwen2.5 | 12345 hotline, government services | data-bureau | |
/// | b | 440300 深圳市 | government | piloting | DeepSeek-V3 | government services | government-office | |
/// | c | 440100 广州市 | enterprise | deployed | 混元 | customer service | company | uncertain |
/// | d | 440100 广州市 | public-service | deployed | — | — | — | approximate date |
/// | e | 110106 丰台区 | government | deployed | DeepSeek-R1 | government services | government-office | |
///
/// Guangdong (a–d), no filter: families DeepSeek 2 (a, b), Alibaba Qwen 1, Tencent Hunyuan 1,
/// not stated 1; sectors government 2, enterprise 1, public-service 1; statuses deployed 3,
/// piloting 1; 1 uncertain, 1 approximate. Organisation `a` is hostile to CSV on purpose.
enum BreakdownFixture {
    static func day(_ s: String) -> Day { Day(s)! }

    static let deployments: [Deployment] = [
        Deployment(id: "a", region: .futian, organization: "=HYPERLINK(\"x\"), \"Futian\"\nbureau", date: day("2025-02-10"),
                   status: .deployed, sector: .government, models: ["DeepSeek-R1", "Qwen2.5"],
                   useCases: ["12345 hotline", "government services"], sources: ["s1", "s2"], body: .dataBureau),
        Deployment(id: "b", region: .shenzhen, organization: "Shenzhen office", date: day("2025-02-15"),
                   status: .piloting, sector: .government, models: ["DeepSeek-V3"],
                   useCases: ["government services"], sources: ["s1"], body: .governmentOffice),
        Deployment(id: "c", region: .guangzhou, organization: "Guangzhou firm", date: day("2025-02-20"),
                   status: .deployed, sector: .enterprise, models: ["混元"], useCases: ["customer service"],
                   sources: ["s2"], uncertain: true, body: .company),
        Deployment(id: "d", region: .guangzhou, organization: "Guangzhou hospital", date: day("2025-03-01"),
                   approximate: true, status: .deployed, sector: .publicService, sources: ["s2"]),
        Deployment(id: "e", region: .fengtai, organization: "Fengtai office", date: day("2025-02-12"),
                   status: .deployed, sector: .government, models: ["DeepSeek-R1"],
                   useCases: ["government services"], sources: ["s1"], body: .governmentOffice),
    ]

    static let sources: [Source] = [
        Source(id: "s1", publisher: "Daily, \"Shenzhen\"", title: "AI at work", date: day("2025-02-17"),
               url: "https://example.org/1"),
        Source(id: "s2", publisher: "Post"),
    ]

    static func store() -> Store {
        Store(snapshots: [Snapshot(file: "bd.json", asOf: day("2025-03-15"), title: "breakdown", synthetic: false,
                                   sources: sources, deployments: deployments, events: [], claims: [])])
    }

    /// The dashboard on Guangdong (the busiest province) at the asOf.
    static func app(width: Int = 80, height: Int = 24) -> App {
        App(store: store(), dataPath: "bd.json", width: width, height: height)
    }
}
