import AdoptCore

/// The claims pane's model (`c`): every outside claim with what the registry tracks of it,
/// counted the claim's own way, and under each claim the tracked adopters behind the figure,
/// each openable to its record. "Which of Zhiding's 72 do we know?"
///
/// A sub-model in the Elm manner: its own state, `update` and (in `ClaimsPane`) view; the App
/// only opens it, forwards keys, and acts on the outcome.
public struct ClaimsBrowser: Equatable, Sendable {
    /// Every claim of the current snapshot with its tally, oldest first.
    public let tallies: [ClaimTally]
    /// The claim selected in the list.
    public private(set) var claim = 0
    /// Showing the selected claim's adopters (nil: the list of claims), and which is selected.
    public private(set) var adopter: Int?

    public init(store: Store) {
        tallies = store.current.claims.sorted { ($0.date, $0.metric) < ($1.date, $1.metric) }.map(store.tally)
    }

    /// What a key did.
    public enum Outcome: Equatable, Sendable {
        case stay
        case close
        /// Open this deployment's record (the pane closes).
        case open(String)
    }

    /// - Parameter store: the store the tallies were counted in (for a row's id).
    public mutating func update(_ key: Key, store: Store, page: Int) -> Outcome {
        let count = adopter == nil ? tallies.count : (tallies.indices.contains(claim) ? tallies[claim].rows.count : 0)
        func move(_ delta: Int) {
            guard count > 0 else { return }
            if let a = adopter { adopter = max(0, min(count - 1, a + delta)) } else { claim = max(0, min(count - 1, claim + delta)) }
        }
        switch key {
        case .escape, .backspace, .left, .character("h"):
            if adopter != nil { adopter = nil } else { return .close }
        case .character("q"), .character("c"):
            return .close
        case .up, .character("k"), .wheelUp: move(-1)
        case .down, .character("j"), .wheelDown: move(1)
        case .pageUp: move(-page)
        case .pageDown: move(page)
        case .home: move(-count)
        case .end: move(count)
        case .enter, .right, .character("l"):
            if let a = adopter {
                let rows = tallies[claim].rows
                guard rows.indices.contains(a) else { return .stay }
                return .open(store.deployment(row: rows[a]).id)
            }
            if tallies.indices.contains(claim), !tallies[claim].rows.isEmpty { adopter = 0 }
        default: break
        }
        return .stay
    }
}
