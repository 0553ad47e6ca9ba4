/// The `--filter` text: `facet=value` pairs joined by commas, e.g.
/// `sector=government,model=DeepSeek,use-case=12345 hotline`. A key given twice selects
/// both values (OR within a facet); different keys narrow (AND across facets), as in the `f`
/// menu. A piece that does not start with a known key continues the previous value, so a
/// value may itself hold a comma.
public enum FilterSpec {
    /// The keys, in the order `format` writes them.
    public static let keys = ["sector", "status", "body", "model-family", "model", "use-case", "certainty", "text"]
    /// Other spellings accepted on input.
    static let aliases = ["family": "model-family", "use": "use-case", "usecase": "use-case"]
    /// `certainty=` values: leave out uncertain records, or approximate dates.
    public static let noUncertain = "no-uncertain", exactDates = "exact-dates"

    public struct ParseError: Error, CustomStringConvertible, Equatable {
        public let message: String
        public var description: String { message }
    }

    public static func parse(_ text: String) throws(ParseError) -> Filter {
        var pairs: [(key: String, value: String)] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false).map(String.init) {
            if let eq = piece.firstIndex(of: "=") {
                let rawKey = piece[..<eq].trimmingSpaces.lowercased()
                let key = aliases[rawKey] ?? rawKey
                if keys.contains(key) {
                    pairs.append((key, String(piece[piece.index(after: eq)...]).trimmingSpaces))
                    continue
                }
                if pairs.isEmpty || rawKey.allSatisfy({ $0.isLetter || $0 == "-" }) {
                    throw ParseError(message: "--filter: unknown facet \"\(rawKey)\" (known: \(keys.joined(separator: ", ")))")
                }
            }
            guard !pairs.isEmpty else {
                if piece.trimmingSpaces.isEmpty { continue }
                throw ParseError(message: "--filter: \"\(piece)\" is not facet=value (facets: \(keys.joined(separator: ", ")))")
            }
            pairs[pairs.count - 1].value += "," + piece
        }
        var f = Filter()
        for (key, value) in pairs {
            guard !value.isEmpty else { throw ParseError(message: "--filter: \(key)= has no value") }
            func known<E: RawRepresentable & CaseIterable>(_: E.Type) throws(ParseError) -> E where E.RawValue == String {
                guard let e = E(rawValue: value) else {
                    throw ParseError(message: "--filter: \(key) \"\(value)\" is not one of: \(E.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return e
            }
            switch key {
            case "sector": f.sectors.insert(try known(Sector.self))
            case "status": f.statuses.insert(try known(Status.self))
            case "body": f.bodies.insert(try known(Body.self))
            case "model-family": f.families.insert(value)
            case "model": f.models.insert(value)
            case "use-case": f.useCases.insert(value)
            case "text": f.text = f.text.isEmpty ? value : f.text + " " + value
            default:
                switch value {
                case noUncertain: f.excludeUncertain = true
                case exactDates: f.excludeApproximate = true
                default: throw ParseError(message: "--filter: certainty \"\(value)\" is not one of: \(noUncertain), \(exactDates)")
                }
            }
        }
        return f
    }

    /// The text `parse` reads back as the same filter; empty for no filter.
    public static func format(_ f: Filter) -> String {
        var pairs: [String] = []
        func add(_ key: String, _ values: [String]) { pairs += values.sorted().map { "\(key)=\($0)" } }
        add("sector", f.sectors.map(\.rawValue))
        add("status", f.statuses.map(\.rawValue))
        add("body", f.bodies.map(\.rawValue))
        add("model-family", Array(f.families))
        add("model", Array(f.models))
        add("use-case", Array(f.useCases))
        if f.excludeUncertain { pairs.append("certainty=\(noUncertain)") }
        if f.excludeApproximate { pairs.append("certainty=\(exactDates)") }
        let t = f.text.trimmingSpaces
        if !t.isEmpty { pairs.append("text=\(t)") }
        return pairs.joined(separator: ",")
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
