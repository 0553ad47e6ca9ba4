import AdoptCore
@testable import AdoptUI

/// A small store built in code, with real gazetteer codes, for the App, map, table and status
/// bar tests. At its asOf (2025-03-15) it tracks 6 deployments in 4 provinces:
///
/// | id | region | date | sector |
/// |---|---|---|---|
/// | gd-futian | 440304 福田区 (深圳, 广东) | 02-10 | government |
/// | gd-shenzhen-hospital | 440300 深圳市 | 02-15 | public-service |
/// | gd-guangzhou-metro | 440100 广州市 | 02-20 | enterprise |
/// | bj-fengtai | 110106 丰台区 (北京) | 02-12 | government |
/// | xj-qapqal | 654022 察布查尔锡伯自治县 (新疆) | 03-12 | government |
/// | zj-ningbo-port | 330200 宁波市 (浙江) | 02-17 | enterprise |
enum TestStore {
    static func day(_ s: String) -> Day { Day(s)! }

    static let deployments: [Deployment] = [
        Deployment(id: "gd-futian", region: RegionCode(value: 440304), organization: "深圳市福田区政务服务数据管理局",
                   date: day("2025-02-10"), status: .deployed, sector: .government,
                   models: ["DeepSeek-R1"], useCases: ["government services"], sources: ["sztqb"],
                   note: "70 AI civil servants"),
        Deployment(id: "gd-shenzhen-hospital", region: RegionCode(value: 440300), organization: "Shenzhen People's Hospital",
                   date: day("2025-02-15"), status: .piloting, sector: .publicService,
                   models: ["DeepSeek-R1"], useCases: ["health"], sources: ["sztqb"]),
        Deployment(id: "gd-guangzhou-metro", region: RegionCode(value: 440100), organization: "Guangzhou Metro",
                   date: day("2025-02-20"), status: .deployed, sector: .enterprise,
                   models: ["DeepSeek-V3"], useCases: ["customer service"], sources: ["scmp"]),
        Deployment(id: "bj-fengtai", region: RegionCode(value: 110106), organization: "北京市丰台区政务服务局",
                   date: day("2025-02-12"), status: .deployed, sector: .government,
                   models: ["DeepSeek-R1"], useCases: ["government services"], sources: ["scmp"]),
        Deployment(id: "xj-qapqal", region: RegionCode(value: 654022), organization: "Qapqal Xibe Autonomous County Government",
                   date: day("2025-03-12"), status: .training, sector: .government,
                   models: ["DeepSeek-R1"], useCases: ["training"], sources: ["chinacom"]),
        Deployment(id: "zj-ningbo-port", region: RegionCode(value: 330200), organization: "Ningbo Zhoushan Port (宁波舟山港)",
                   date: day("2025-02-17"), status: .deployed, sector: .enterprise,
                   models: ["DeepSeek-R1"], useCases: ["logistics"], sources: ["scmp"]),
    ]

    static let sources: [Source] = [
        Source(id: "sztqb", publisher: "Shenzhen Special Zone Daily (深圳特区报)", date: day("2025-02-17")),
        Source(id: "scmp", publisher: "South China Morning Post", url: "https://example.org/scmp"),
        Source(id: "chinacom", publisher: "China.com (中国网)"),
        Source(id: "zhiding", publisher: "Zhiding think tank (至顶智库)", date: day("2025-03-10")),
    ]

    static func make(synthetic: Bool = false, claims: Bool = true) -> Store {
        let snapshot = Snapshot(
            file: "test.json", asOf: day("2025-03-15"), title: "test", synthetic: synthetic,
            sources: sources, deployments: deployments,
            events: [Event(date: day("2025-01-20"), title: "DeepSeek-R1 released", region: .country)],
            claims: claims ? [Claim(date: day("2025-03-10"), region: .country,
                                    metric: "governments using DeepSeek", value: 72, source: "zhiding")] : [])
        return Store(snapshots: [snapshot])
    }

    static func app(width: Int = 80, height: Int = 24) -> App {
        App(store: make(), dataPath: "Tests/data", width: width, height: height)
    }
}

extension RegionCode {
    static let guangdong = RegionCode(value: 440000)
    static let shenzhen = RegionCode(value: 440300)
    static let guangzhou = RegionCode(value: 440100)
    static let futian = RegionCode(value: 440304)
    static let beijing = RegionCode(value: 110000)
    static let fengtai = RegionCode(value: 110106)
    static let xinjiang = RegionCode(value: 650000)
    static let qapqal = RegionCode(value: 654022)
    static let zhejiang = RegionCode(value: 330000)
    static let ningbo = RegionCode(value: 330200)
    static let fujian = RegionCode(value: 350000)
    static let jiangxi = RegionCode(value: 360000)
}
