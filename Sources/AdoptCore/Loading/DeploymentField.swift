/// The fields of a deployment object, recognised from the key's raw bytes.
enum DeploymentField: Int, CaseIterable {
    case id, region, organization, date, approximate, status, sector, models, useCases, sources, note, uncertain

    var name: String {
        switch self {
        case .useCases: return "useCases"
        default: return String(describing: self)
        }
    }

    private static let keys: [[UInt8]] = allCases.map { Array($0.name.utf8) }

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        for f in DeploymentField.allCases where DeploymentField.keys[f.rawValue].elementsEqual(bytes) {
            self = f
            return
        }
        return nil
    }

    static let required: [DeploymentField] = [.id, .region, .organization, .date, .status, .sector,
                                               .models, .useCases, .sources]
}

/// Raw values of `Status` and `Sector` as bytes, to match without building strings.
enum EnumBytes {
    static let statuses: [[UInt8]] = Status.allCases.map { Array($0.rawValue.utf8) }
    static let sectors: [[UInt8]] = Sector.allCases.map { Array($0.rawValue.utf8) }

    static func index(of b: UnsafeBufferPointer<UInt8>, in list: [[UInt8]]) -> UInt8? {
        for (k, v) in list.enumerated() where v.elementsEqual(b) { return UInt8(k) }
        return nil
    }
}
