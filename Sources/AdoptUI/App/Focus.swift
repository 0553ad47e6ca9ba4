/// Which pane takes the arrow keys; Tab moves it along `next`. The focused pane's frame is
/// drawn highlighted.
public enum Focus: CaseIterable, Sendable {
    /// The map or the table (whichever is shown).
    case regions
    case drillDown
    case timeline

    public var next: Focus {
        switch self {
        case .regions: return .drillDown
        case .drillDown: return .timeline
        case .timeline: return .regions
        }
    }

    public var previous: Focus {
        switch self {
        case .regions: return .timeline
        case .drillDown: return .regions
        case .timeline: return .drillDown
        }
    }
}

/// What the left pane shows (`m` switches); both show the same selection.
public enum RegionsView: Sendable {
    case map, table

    public var toggled: RegionsView { self == .map ? .table : .map }
}
