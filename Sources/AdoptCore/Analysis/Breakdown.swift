/// The deployments of one region at one date under one filter, counted by the values of one
/// facet: the breakdown pane, `adopt dump breakdown` and `adopt export --by`.
///
/// Every deployment is counted once per distinct value it has, so for sector, status and
/// body the rows (with "not stated") add up to `total`; a deployment naming two models counts
/// under both, so model and use-case rows may add up to more (`Facet.isMultiValued`).
public struct Breakdown: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let value: String
        public let count: Int
        /// `count` over `total`: the share of the region's deployments with this value.
        public var share: Double
    }

    public enum Order: String, CaseIterable, Sendable {
        /// Most deployments first (ties by name): what dominates.
        case count
        /// By value name.
        case name
    }

    public let facet: Facet
    /// Deployments counted (those matching the filter in the region at the date).
    public let total: Int
    /// Most deployments first, ties by name; values with no deployment are left out.
    public let rows: [Row]
    /// Deployments with no value in this facet (no model named, no body given).
    public let unstated: Int

    public init(facet: Facet, total: Int, counts: [String: Int], unstated: Int) {
        self.facet = facet
        self.total = total
        self.unstated = unstated
        rows = counts.filter { $0.value > 0 }
            .map { Row(value: $0.key, count: $0.value, share: total == 0 ? 0 : Double($0.value) / Double(total)) }
            .sorted { ($1.count, $0.value) < ($0.count, $1.value) }
    }

    public func rows(by order: Order) -> [Row] {
        order == .count ? rows : rows.sorted { $0.value < $1.value }
    }

    /// The label of the "not stated" row.
    public static let unstatedLabel = "(not stated)"
}
