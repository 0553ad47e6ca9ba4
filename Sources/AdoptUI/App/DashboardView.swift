/// What the dashboard's left pane opens on (`adopt --view`): the names `ViewSpec.view` uses.
public enum DashboardView: String, CaseIterable, Sendable {
    case map, table, breakdown
}

extension App {
    /// Opens the left pane on `view` (the map, the table, or the breakdown over the map).
    public mutating func show(_ view: DashboardView) {
        switch view {
        case .map: regionsView = .map; setBreakdownShown(false)
        case .table: regionsView = .table; setBreakdownShown(false)
        case .breakdown: setBreakdownShown(true)
        }
    }

    /// The view `show` would restore (for reproducing command lines).
    public var dashboardView: DashboardView {
        showsBreakdown ? .breakdown : (regionsView == .map ? .map : .table)
    }
}
