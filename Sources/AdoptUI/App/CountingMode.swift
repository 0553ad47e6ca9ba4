/// What a count at a date means.
public enum CountingMode: String, Sendable, CaseIterable {
    /// The current snapshot's deployments dated on or before the date (including facts
    /// reported later): the default, and what history looks like with hindsight.
    case datedBy = "dated by"
    /// What had been reported by the date: the deployments of the snapshot current then.
    case knownBy = "known by"

    public var toggled: CountingMode { self == .datedBy ? .knownBy : .datedBy }
}
