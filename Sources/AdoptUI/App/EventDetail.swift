import AdoptCore

/// The milestone pane's model (Enter on the timeline): the events of one day in full, with
/// their analysis (what happened, why it matters, ...) and sources; scrolls when long.
public struct EventDetail: Equatable, Sendable {
    public let events: [Event]
    /// The first body row shown.
    public private(set) var scroll = 0

    public init(events: [Event]) { self.events = events }

    /// Applies a key; false when the pane should close.
    public mutating func update(_ key: Key) -> Bool {
        switch key {
        case .escape, .enter, .backspace, .character("q"): return false
        case .up, .character("k"), .wheelUp: scroll = max(0, scroll - 1)
        case .down, .character("j"), .wheelDown: scroll += 1
        case .pageUp: scroll = max(0, scroll - 10)
        case .pageDown: scroll += 10
        case .home: scroll = 0
        default: break
        }
        return true
    }
}
