/// The family and vendor of a model name as reported: "DeepSeek-R1", "DeepSeek-R1:7b" and
/// "DeepSeek" are all DeepSeek's. Reports name models loosely (versions, sizes, Chinese or
/// English names), so "which models dominate?" needs names rolled up to who made them.
/// A name the vocabulary does not know stands as its own family, with no vendor: nothing is
/// guessed. The table is documented in docs/FORMAT.md ("Model families").
public struct ModelFamily: Hashable, Sendable, Comparable {
    /// The family's name as shown and filtered on, e.g. "DeepSeek", "Alibaba Qwen".
    public let name: String
    /// Who makes it, e.g. "DeepSeek", "Alibaba"; nil for a name the vocabulary does not know.
    public let vendor: String?

    public init(name: String, vendor: String?) { self.name = name; self.vendor = vendor }

    public static func < (a: ModelFamily, b: ModelFamily) -> Bool { a.name < b.name }

    /// One family: its name, vendor, and the case-insensitive prefixes of the model names it
    /// covers (matched after spaces, hyphens, underscores and dots are dropped).
    struct Entry {
        let name: String
        let vendor: String
        let prefixes: [String]
    }

    /// The shipped vocabulary. Order matters only where one prefix starts another (none today).
    static let vocabulary: [Entry] = [
        Entry(name: "DeepSeek", vendor: "DeepSeek", prefixes: ["deepseek", "深度求索"]),
        Entry(name: "Alibaba Qwen", vendor: "Alibaba", prefixes: ["qwen", "qwq", "tongyi", "通义"]),
        Entry(name: "Tencent Hunyuan", vendor: "Tencent", prefixes: ["hunyuan", "混元", "tencenthunyuan"]),
        Entry(name: "Baidu ERNIE", vendor: "Baidu", prefixes: ["ernie", "文心", "wenxin"]),
        Entry(name: "Zhipu GLM", vendor: "Zhipu AI", prefixes: ["glm", "chatglm", "智谱", "zhipu"]),
        Entry(name: "ByteDance Doubao", vendor: "ByteDance", prefixes: ["doubao", "豆包"]),
        Entry(name: "Moonshot Kimi", vendor: "Moonshot AI", prefixes: ["kimi", "moonshot"]),
        Entry(name: "Huawei Pangu", vendor: "Huawei", prefixes: ["pangu", "huaweipangu", "盘古"]),
        Entry(name: "iFlytek Spark", vendor: "iFlytek", prefixes: ["spark", "iflytekspark", "讯飞星火", "星火"]),
        Entry(name: "SenseTime", vendor: "SenseTime", prefixes: ["sensetime", "sensenova", "商汤", "日日新"]),
        Entry(name: "China Unicom Yuanjing", vendor: "China Unicom", prefixes: ["chinaunicomyuanjing", "yuanjing", "元景"]),
        Entry(name: "Baichuan", vendor: "Baichuan AI", prefixes: ["baichuan", "百川"]),
        Entry(name: "01.AI Yi", vendor: "01.AI", prefixes: ["yi", "零一万物"]),
        Entry(name: "MiniMax", vendor: "MiniMax", prefixes: ["minimax", "abab"]),
        Entry(name: "StepFun Step", vendor: "StepFun", prefixes: ["stepfun", "阶跃"]),
    ]

    /// The family of a model name; a name the vocabulary does not know is its own family.
    public static func of(_ model: String) -> ModelFamily {
        let name = Array(model.lowercased().unicodeScalars)
        for e in vocabulary where e.prefixes.contains(where: { matches(name, prefix: $0) }) {
            return ModelFamily(name: e.name, vendor: e.vendor)
        }
        return ModelFamily(name: model, vendor: nil)
    }

    /// Every family the vocabulary knows, in table order (for documentation and tests).
    public static var known: [ModelFamily] { vocabulary.map { ModelFamily(name: $0.name, vendor: $0.vendor) } }

    static let separators: Set<Unicode.Scalar> = [" ", "-", "_", "."]

    /// Whether the lower-cased name starts with `prefix`, skipping spaces, hyphens, underscores
    /// and dots in the name ("Huawei Pangu" starts with "huaweipangu"), and without splitting a
    /// Latin word: "Yi-34B" is 01.AI's Yi, "Yiyan" is not, so an ASCII prefix must not be
    /// followed directly by another Latin letter.
    static func matches(_ name: [Unicode.Scalar], prefix: String) -> Bool {
        var k = 0
        for p in prefix.unicodeScalars {
            while k < name.count, separators.contains(name[k]) { k += 1 }
            guard k < name.count, name[k] == p else { return false }
            k += 1
        }
        guard prefix.unicodeScalars.allSatisfy(\.isASCII), k < name.count else { return true }
        return !("a"..."z").contains(name[k])
    }
}
