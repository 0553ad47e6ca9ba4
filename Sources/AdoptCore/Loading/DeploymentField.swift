import Foundation

/// The fields of a deployment object, recognised from the key's raw bytes.
enum DeploymentField: Int, CaseIterable {
    case id, region, organization, date, approximate, status, sector, models, useCases, sources, note, uncertain, body

    private static let names = ["id", "region", "organization", "date", "approximate", "status", "sector",
                                "models", "useCases", "sources", "note", "uncertain", "body"]
    /// Every field name, for "did you mean" in the unknown-field warning.
    static var allNames: [String] { names }
    private static let keys: [[UInt8]] = names.map { Array($0.utf8) }

    var name: String { DeploymentField.names[rawValue] }
    var bit: UInt16 { 1 << UInt16(rawValue) }

    /// Picks the candidate by length and first letter, then compares the whole key once.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let first = bytes.first else { return nil }
        let candidate: DeploymentField
        switch (bytes.count, first) {
        case (2, UInt8(ascii: "i")): candidate = .id
        case (6, UInt8(ascii: "r")): candidate = .region
        case (12, UInt8(ascii: "o")): candidate = .organization
        case (4, UInt8(ascii: "d")): candidate = .date
        case (11, UInt8(ascii: "a")): candidate = .approximate
        case (6, UInt8(ascii: "s")): candidate = bytes[1] == UInt8(ascii: "t") ? .status : .sector
        case (6, UInt8(ascii: "m")): candidate = .models
        case (8, UInt8(ascii: "u")): candidate = .useCases
        case (7, UInt8(ascii: "s")): candidate = .sources
        case (4, UInt8(ascii: "n")): candidate = .note
        case (9, UInt8(ascii: "u")): candidate = .uncertain
        case (4, UInt8(ascii: "b")): candidate = .body
        default: return nil
        }
        let key = DeploymentField.keys[candidate.rawValue]
        for k in 1..<bytes.count where key[k] != bytes[k] { return nil }
        self = candidate
    }

    static let required: [DeploymentField] = [.id, .region, .organization, .date, .status, .sector,
                                               .models, .useCases, .sources]
}

/// Raw values of `Status` and `Sector` as bytes, to match without building strings.
enum EnumBytes {
    static let statuses: [[UInt8]] = Status.allCases.map { Array($0.rawValue.utf8) }
    static let sectors: [[UInt8]] = Sector.allCases.map { Array($0.rawValue.utf8) }
    static let bodies: [[UInt8]] = Body.allCases.map { Array($0.rawValue.utf8) }

    static func index(of b: UnsafeBufferPointer<UInt8>, in list: [[UInt8]]) -> UInt8? {
        for k in list.indices where list[k].count == b.count {
            if list[k].withUnsafeBufferPointer({ same($0, b) }) { return UInt8(k) }
        }
        return nil
    }

    /// Whether two byte buffers hold the same bytes (memcmp: the generic `elementsEqual` is
    /// a loop of Optional-returning iterator steps).
    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard a.count > 0 else { return true }
        return memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0
    }
}
