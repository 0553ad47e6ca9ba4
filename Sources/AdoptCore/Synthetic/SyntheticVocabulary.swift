/// The words synthetic deployments are made of: models, use cases and the departments that
/// run them, with weights that give a plausible spread (DeepSeek-R1 far ahead, government
/// bodies the majority, a long tail of use cases).
enum SyntheticVocabulary {
    /// Model names and their relative weights.
    static let models: [(name: String, weight: UInt64)] = [
        ("DeepSeek-R1", 400), ("DeepSeek-V3", 220), ("Qwen2.5", 90), ("GLM-4", 50),
        ("ERNIE 4.0", 45), ("Kimi", 30), ("Doubao", 40), ("Hunyuan", 20),
        ("Pangu", 25), ("Spark", 25), ("Yi", 8), ("Baichuan", 10),
    ]

    /// The shipped data's use-case vocabulary (docs/FORMAT.md) followed by a dozen more,
    /// with weights.
    static let useCases: [(name: String, weight: UInt64)] = [
        ("government services", 300), ("12345 hotline", 120), ("document drafting", 150),
        ("policy Q&A", 110), ("decision support", 80), ("staff training", 70),
        ("emergency dispatch", 25), ("emergency management", 35), ("request routing", 45),
        ("forecasting", 20), ("urban management", 40), ("speech-to-text", 20),
        ("approvals", 45), ("enterprise services", 60), ("driver assistance", 8),
        ("logistics", 15), ("medical records", 40), ("search", 30),
        ("tax services", 25), ("social security", 25), ("triage", 20), ("teaching", 30),
        ("traffic management", 15), ("environmental monitoring", 12), ("agriculture advice", 12),
        ("legal aid", 10), ("meeting minutes", 35), ("translation", 10), ("customer service", 30),
        ("code generation", 10),
    ]

    /// A department: its Chinese and English names and the use case it most often reports
    /// (an index into `useCases`), so hospitals mostly report medical records.
    struct Department {
        let chinese: String
        let english: String
        let usual: Int
        let weight: UInt64
    }

    static let government: [Department] = [
        Department(chinese: "人民政府", english: "People's Government", usual: 0, weight: 30),
        Department(chinese: "政务服务数据管理局", english: "Government Services Data Bureau", usual: 0, weight: 25),
        Department(chinese: "12345热线", english: "12345 Hotline", usual: 1, weight: 15),
        Department(chinese: "政府办公室", english: "Government Office", usual: 2, weight: 12),
        Department(chinese: "发展和改革局", english: "Development and Reform Bureau", usual: 4, weight: 6),
        Department(chinese: "公安局", english: "Public Security Bureau", usual: 8, weight: 6),
        Department(chinese: "人力资源和社会保障局", english: "Human Resources and Social Security Bureau", usual: 19, weight: 6),
        Department(chinese: "税务局", english: "Tax Bureau", usual: 18, weight: 5),
        Department(chinese: "应急管理局", english: "Emergency Management Bureau", usual: 7, weight: 5),
        Department(chinese: "市场监督管理局", english: "Market Regulation Bureau", usual: 12, weight: 5),
        Department(chinese: "城市管理局", english: "Urban Management Bureau", usual: 10, weight: 5),
        Department(chinese: "司法局", english: "Justice Bureau", usual: 25, weight: 3),
        Department(chinese: "交通运输局", english: "Transport Bureau", usual: 22, weight: 3),
        Department(chinese: "生态环境局", english: "Ecology and Environment Bureau", usual: 23, weight: 3),
        Department(chinese: "农业农村局", english: "Agriculture and Rural Affairs Bureau", usual: 24, weight: 3),
    ]

    static let publicService: [Department] = [
        Department(chinese: "人民医院", english: "People's Hospital", usual: 16, weight: 30),
        Department(chinese: "中医院", english: "Hospital of Traditional Chinese Medicine", usual: 20, weight: 12),
        Department(chinese: "第一中学", english: "No. 1 Middle School", usual: 21, weight: 15),
        Department(chinese: "职业技术学院", english: "Vocational College", usual: 21, weight: 8),
        Department(chinese: "图书馆", english: "Library", usual: 17, weight: 5),
        Department(chinese: "供水公司", english: "Water Supply Service", usual: 28, weight: 6),
        Department(chinese: "公交公司", english: "Bus Company", usual: 22, weight: 6),
        Department(chinese: "疾病预防控制中心", english: "Center for Disease Control", usual: 9, weight: 5),
        Department(chinese: "融媒体中心", english: "Media Center", usual: 2, weight: 8),
    ]

    static let enterprise: [Department] = [
        Department(chinese: "城市投资集团", english: "Urban Investment Group", usual: 13, weight: 10),
        Department(chinese: "农村商业银行", english: "Rural Commercial Bank", usual: 28, weight: 10),
        Department(chinese: "港务集团", english: "Port Group", usual: 15, weight: 4),
        Department(chinese: "供电公司", english: "Power Supply Company", usual: 9, weight: 8),
        Department(chinese: "数据集团", english: "Data Group", usual: 29, weight: 8),
        Department(chinese: "文旅集团", english: "Culture and Tourism Group", usual: 28, weight: 6),
        Department(chinese: "汽车集团", english: "Automotive Group", usual: 14, weight: 3),
        Department(chinese: "移动分公司", english: "China Mobile Branch", usual: 28, weight: 8),
    ]

    static func departments(of sector: Sector) -> [Department] {
        switch sector {
        case .government: return government
        case .publicService: return publicService
        case .enterprise: return enterprise
        }
    }

    /// Sector weights (government, public service, enterprise), in `Sector.allCases` order.
    static let sectorWeights: [UInt64] = [62, 24, 14]

    /// Status weights in `Status.allCases` order: announced, training, piloting, deployed, suspended.
    static let statusWeights: [UInt64] = [6, 6, 10, 75, 3]

    /// The status a deployment had before its reported change, or nil when its final status
    /// has no natural predecessor (an announcement is where everything starts).
    static func earlierStatus(of status: Status) -> Status? {
        switch status {
        case .announced: return nil
        case .training: return .announced
        case .piloting: return .training
        case .deployed: return .piloting
        case .suspended: return .deployed
        }
    }

    /// Short notes; most synthetic deployments carry none, as most real reports are terse.
    static let notes: [String] = [
        "Synthetic: pilot in three offices before a wider rollout",
        "Synthetic: runs on the local government cloud",
        "Synthetic: private deployment on the intranet",
        "Synthetic: staff of 1,200 trained in two sessions",
        "Synthetic: reported in a local news round-up",
        "Synthetic: answers about 3,000 questions a day",
    ]
}
