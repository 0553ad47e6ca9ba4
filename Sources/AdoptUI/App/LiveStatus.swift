/// What ops staff see of live reloading: problems, changes, freshness.
public struct LiveStatus: Sendable {
    public init() {}
}
