import AdoptCore
import AdoptUI

/// A small hand-made snapshot with real gazetteer codes, shared by the pane tests.
///
/// Deployments per day (for hand-computing the timeline):
///   2025-02-10  1  (BYD, Shenzhen)
///   2025-02-17  3  (Futian government, Futian hospital, Qapqal county)
///   2025-02-18  1  (Guangzhou, approximate)
///   2025-02-20  1  (Fengtai, uncertain)
///   2025-02-22  1  (Zhaoqing)
///   2025-03-05  2  (Nanshan, Guangzhou court)
/// Cumulative: 1, 4, 5, 6, 7, 9. Guangdong alone: 1, 3 (Futian x2), 4, 5 (Zhaoqing), 7.
enum PaneFixtures {
    static func day(_ s: String) -> Day { Day(s)! }

    static let sources: [Source] = [
        Source(id: "sztqb-2025-02-17", publisher: "Shenzhen Special Zone Daily (深圳特区报)",
               title: "福田区上线70名AI数字员工，基于DeepSeek处理公文审核与个性化服务",
               date: day("2025-02-17"),
               url: "https://www.sztqb.example.cn/news/2025/02/17/futian-ai-digital-employees-deepseek.html"),
        Source(id: "scmp-2025-02-17", publisher: "South China Morning Post", date: day("2025-02-17")),
        Source(id: "byd-2025-02-10", publisher: "BYD (比亚迪)", date: day("2025-02-10")),
    ]

    static let deployments: [Deployment] = [
        Deployment(id: "sz-byd", region: RegionCode(value: 440300), organization: "比亚迪 BYD",
                   date: day("2025-02-10"), status: .deployed, sector: .enterprise,
                   models: ["DeepSeek-R1"], useCases: ["driver assistance"], sources: ["byd-2025-02-10"]),
        Deployment(id: "sz-futian-gov", region: RegionCode(value: 440304),
                   organization: "深圳市福田区政务服务和数据管理局",
                   date: day("2025-02-17"), status: .deployed, sector: .government,
                   models: ["DeepSeek-R1", "Qwen"], useCases: ["document review", "citizen services"],
                   sources: ["sztqb-2025-02-17", "scmp-2025-02-17"],
                   note: "70 AI digital employees built on DeepSeek handle document review, "
                       + "personalised services and 240 government workflows; 准确率超过95%。"),
        Deployment(id: "sz-futian-hospital", region: RegionCode(value: 440304),
                   organization: "福田区人民医院 Futian People's Hospital",
                   date: day("2025-02-17"), status: .piloting, sector: .publicService),
        Deployment(id: "xj-qapqal", region: RegionCode(value: 654022),
                   organization: "察布查尔锡伯自治县人民政府", date: day("2025-02-17"),
                   status: .training, sector: .government),
        Deployment(id: "gz-gov", region: RegionCode(value: 440100),
                   organization: "广州市政务服务和数据管理局", date: day("2025-02-18"),
                   approximate: true, status: .piloting, sector: .government),
        Deployment(id: "bj-fengtai", region: RegionCode(value: 110106),
                   organization: "北京市丰台区人民政府", date: day("2025-02-20"),
                   status: .announced, sector: .government, uncertain: true),
        Deployment(id: "zq-gov", region: RegionCode(value: 441200), organization: "肇庆市政务服务数据管理局",
                   date: day("2025-02-22"), status: .deployed, sector: .government),
        Deployment(id: "sz-nanshan", region: RegionCode(value: 440305),
                   organization: "南山区 Nanshan District Data Bureau", date: day("2025-03-05"),
                   status: .deployed, sector: .government,
                   sources: ["scmp-2025-02-17", "missing-2025-03-05"]),
        Deployment(id: "gz-court", region: RegionCode(value: 440100),
                   organization: "广州互联网法院 Guangzhou Internet Court", date: day("2025-03-05"),
                   approximate: true, status: .piloting, sector: .government, uncertain: true),
    ]

    static let events: [Event] = [
        Event(date: day("2025-01-20"), title: "DeepSeek-R1 released"),
        Event(date: day("2025-03-05"), title: "Government Work Report addresses large models"),
        Event(date: day("2025-03-06"), title: "Manus beta released by Monica"),
    ]

    static let store = Store(snapshots: [
        Snapshot(file: "fixture.json", asOf: day("2025-03-31"), sources: sources,
                 deployments: deployments, events: events),
    ])

    static let range = day("2025-01-20")...day("2025-03-31")

    static let guangdong = RegionCode(value: 440000)
    static let shenzhen = RegionCode(value: 440300)
    static let futian = RegionCode(value: 440304)
}
