import AdoptCore

/// One level of the drill-down: what it lists and which row is selected. The App keeps a
/// stack of these; Enter pushes, Esc pops, and the breadcrumb is read off the stack.
public struct DrillFrame: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// A region's children (the provinces for the country).
        case regions(RegionCode)
        /// The deployments in or below a region.
        case deployments(RegionCode)
        /// The deployments recorded at the region itself, in none of its children.
        case ownDeployments(RegionCode)
        /// One deployment's full record, by id.
        case record(String)
    }

    public var kind: Kind
    /// The selected row (for a record: the first line shown).
    public var selection: Int

    public init(_ kind: Kind, selection: Int = 0) {
        self.kind = kind
        self.selection = selection
    }

    /// The frame's region; nil for a record (its region comes from the deployment).
    public var region: RegionCode? {
        switch kind {
        case .regions(let code), .deployments(let code), .ownDeployments(let code): return code
        case .record: return nil
        }
    }
}
