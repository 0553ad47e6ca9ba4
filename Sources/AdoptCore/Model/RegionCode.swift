/// A six-digit GB/T 2260 division code, such as 440304 (Futian District, Shenzhen).
/// `000000` stands for the whole country.
public struct RegionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: Int32

    public static let country = RegionCode(value: 0)

    public init(value: Int32) { self.value = value }

    /// Parses exactly six ASCII digits.
    public init?(_ text: String) {
        guard text.utf8.count == 6, let v = Int32(text), v >= 0 else { return nil }
        value = v
    }

    /// The province part, e.g. 440000 for 440304 (by code arithmetic; the gazetteer's
    /// parent links are the authority for prefectures and counties).
    public var provinceCode: RegionCode { RegionCode(value: value / 10000 * 10000) }

    public var description: String {
        let s = String(value)
        return String(repeating: "0", count: max(0, 6 - s.count)) + s
    }

    public static func < (a: RegionCode, b: RegionCode) -> Bool { a.value < b.value }
}
