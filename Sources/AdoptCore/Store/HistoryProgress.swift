/// How far the background has read the older snapshot files ("history"): `loaded` of
/// `total`. Until it is complete, what compares snapshots (known-by counts, the table's
/// ±since column, the diff pane, the `!` pane's snapshot count) says "history n/K" instead
/// of showing numbers made from part of the files.
public struct HistoryProgress: Sendable, Equatable {
    public var loaded: Int
    public var total: Int

    public init(loaded: Int, total: Int) {
        self.loaded = loaded; self.total = total
    }

    public var isComplete: Bool { loaded >= total }

    /// `history 3/7`.
    public var text: String { "history \(loaded)/\(total)" }
}
