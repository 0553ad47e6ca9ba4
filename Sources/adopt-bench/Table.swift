/// A plain-text table with aligned columns: the first column left-aligned, the rest right.
struct Table {
    let title: String
    let headers: [String]
    private(set) var rows: [[String]] = []
    var notes: [String] = []

    init(_ title: String, _ headers: [String]) {
        self.title = title
        self.headers = headers
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    var text: String {
        let all = [headers] + rows
        let widths = headers.indices.map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            row.indices.map { c -> String in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                return c == 0 ? row[c] + pad : pad + row[c]
            }.joined(separator: "  ")
        }
        var out = [title, "  " + line(headers), "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map { "  " + line($0) }
        out += notes.map { "  " + $0 }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Number formats for the tables.
enum Format {
    static func fixed(_ v: Double?, _ digits: Int) -> String {
        guard let v, v.isFinite else { return "-" }
        var s = String(Int((abs(v) * pow10(digits)).rounded()))
        if digits > 0 {
            while s.count <= digits { s = "0" + s }
            s.insert(".", at: s.index(s.endIndex, offsetBy: -digits))
        }
        return (v < 0 ? "-" : "") + s
    }

    /// Milliseconds with sensible precision: 0.123, 12.3, 1234.
    static func ms(_ v: Double?) -> String {
        guard let v, v.isFinite else { return "-" }
        return v < 1 ? fixed(v, 3) : v < 100 ? fixed(v, 2) : fixed(v, 0)
    }

    static func ratio(_ v: Double?) -> String { v.map { fixed($0, 2) + "x" } ?? "-" }

    /// 10000 → 10k, 1000000 → 1M.
    static func size(_ n: Int) -> String {
        if n >= 1_000_000 && n % 1_000_000 == 0 { return "\(n / 1_000_000)M" }
        if n >= 1000 && n % 1000 == 0 { return "\(n / 1000)k" }
        return "\(n)"
    }

    /// Thousands separated by commas.
    static func count(_ n: Double) -> String {
        let digits = Array(String(Int(n.rounded())))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { v, _ in v * 10 } }
}
