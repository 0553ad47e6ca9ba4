/// `z`: the focused pane alone on the screen (all of it but the status bar), for a long
/// deployment list, a record, a wide table or a timeline read at full width. `z` again or Esc
/// gives the other panes back.
///
/// Zoom follows the focus rather than remembering a pane: Tab while zoomed shows the next pane
/// zoomed, so the keys that move between panes keep working. The layout is the one place that
/// knows about it (`ScreenLayout`'s `zoomed`), so drawing, mouse hits and page keys agree.
public struct Zoom: Equatable, Sendable {
    public private(set) var isOn = false

    public init() {}

    /// What the status bar says while zoomed, longest first.
    static let notes = ["zoomed (z restores)", "zoomed (z)"]

    mutating func toggle() { isOn.toggle() }
    mutating func restore() { isOn = false }

    /// The pane that fills the screen, if any.
    func pane(focus: Focus) -> Focus? { isOn ? focus : nil }
}
