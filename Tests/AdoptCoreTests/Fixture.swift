import AdoptCore

/// A small hand-made data set whose counts are worked out by hand in the tests.
enum Fixture {
    static func day(_ s: String) -> Day { Day(s)! }
    static func code(_ s: String) -> RegionCode { RegionCode(s)! }

    static let snapshot = Snapshot(
        file: "fixture.json", asOf: day("2025-03-10"), title: "fixture",
        sources: [Source(id: "s1", publisher: "China Daily", title: "Shenzhen districts", date: day("2025-02-18"), url: "https://example.org/a"),
                  Source(id: "s2", publisher: "Zhiding")],
        deployments: [
            Deployment(id: "a", region: code("440304"), organization: "Futian District 福田区", date: day("2025-02-15"),
                       status: .deployed, sector: .government, models: ["DeepSeek-R1"], useCases: ["documents"], sources: ["s1"]),
            Deployment(id: "b", region: code("440300"), organization: "Shenzhen 深圳市", date: day("2025-02-10"),
                       status: .deployed, sector: .government, models: ["DeepSeek-R1", "DeepSeek-V3"], useCases: ["training"], sources: ["s1"]),
            Deployment(id: "c", region: code("440307"), organization: "Longgang District 龙岗区", date: day("2025-02-08"),
                       status: .deployed, sector: .government, models: ["DeepSeek-R1"], useCases: ["hotline"], sources: ["s1"]),
            Deployment(id: "d", region: code("440100"), organization: "Guangzhou 广州市", date: day("2025-02-17"),
                       status: .deployed, sector: .government, models: ["DeepSeek-R1", "DeepSeek-V3"], useCases: ["hotline"], sources: ["s1"]),
            Deployment(id: "e", region: code("110106"), organization: "Fengtai District 丰台区", date: day("2025-02-21"),
                       status: .piloting, sector: .government, models: ["DeepSeek"], useCases: ["government services"], sources: ["s1"]),
            Deployment(id: "f", region: code("654022"), organization: "Qapqal Xibe County 察布查尔锡伯自治县", date: day("2025-03-10"),
                       status: .training, sector: .government, models: ["DeepSeek"], useCases: ["staff training"], sources: ["s1"]),
            Deployment(id: "g", region: code("440300"), organization: "BYD 比亚迪", date: day("2025-02-10"), approximate: true,
                       status: .deployed, sector: .enterprise, models: ["DeepSeek"], useCases: ["driver assistance"], sources: ["s1", "s2"]),
        ],
        events: [Event(date: day("2025-01-20"), title: "DeepSeek-R1 released"),
                 Event(date: day("2025-03-05"), title: "Government Work Report")],
        claims: [Claim(date: day("2025-03-10"), region: .country, metric: "governments", value: 72, source: "s2")])

    static let store = Store(snapshots: [snapshot])
}
