/// The panes `adopt dump` can print, and `App.renderPane` draws alone.
public enum DumpView: String, CaseIterable, Sendable {
    case map, table, timeline
    /// The drill-down at the chosen region.
    case region
    /// The breakdown of the chosen region (`b`).
    case breakdown
    /// The whole dashboard.
    case screen
    /// Presentation mode's screen (`p`), as a presenter shows it.
    case presentation
}
