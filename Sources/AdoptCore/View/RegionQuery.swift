/// Finding a region by what people call it: a six-digit code, the Chinese name (full or
/// short: 广东省, 广东, 深圳), the pinyin (with or without spaces) or the English name or an
/// alias (Guangdong, Xi'an, Tibet), ignoring case, spaces, apostrophes and hyphens.
public enum RegionQuery {
    public struct NotFound: Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    /// The one region `text` names. When several share a name, the higher level wins
    /// (Jilin the province over Jilin the city); among equals, the name is ambiguous and the
    /// error lists the candidates with their codes.
    public static func resolve(_ text: String, in gazetteer: Gazetteer) throws(NotFound) -> RegionCode {
        let t = text.trimmingSpaces
        if t.count == 6, t.allSatisfy(\.isASCII), t.allSatisfy(\.isNumber), let v = Int32(t) {
            let code = RegionCode(value: v)
            guard code == .country || gazetteer.contains(code) else {
                throw NotFound(message: "--region \(t): no such region code in the gazetteer")
            }
            return code
        }
        let key = normalized(t)
        guard !key.isEmpty else { throw NotFound(message: "--region: give a code or a name") }
        if ["china", "中国", "zhongguo", "country", "全国"].contains(key) { return .country }
        let hits = gazetteer.allRegions.filter { r in
            r.code != .country && ([r.name, r.shortName, r.pinyin, r.english] + r.aliases).contains { normalized($0) == key }
        }
        guard let best = hits.map(\.level).min() else {
            throw NotFound(message: "--region \(t): no region of that name (give a six-digit code, or a name in Chinese, pinyin or English)")
        }
        let top = hits.filter { $0.level == best }.sorted { $0.code.value < $1.code.value }
        guard top.count == 1 else {
            let list = top.prefix(8).map { "\($0.code) \($0.name) (in \(gazetteer.lineage(of: $0.code).dropFirst().compactMap { gazetteer.region($0)?.shortName }.reversed().joined(separator: " ")))" }
            throw NotFound(message: "--region \(t) is ambiguous: \(list.joined(separator: "; ")); give the code")
        }
        return top[0].code
    }

    /// Lower-cased, with spaces, apostrophes, hyphens and dots dropped.
    static func normalized(_ s: String) -> String {
        String(s.lowercased().filter { !" '’-.·".contains($0) })
    }
}
