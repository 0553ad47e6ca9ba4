/// A region's figures at one date under one filter: what a map tile or table row shows.
public struct RegionSummary: Sendable, Equatable {
    public let region: Region
    /// Deployments in the region and everything below it.
    public let count: Int
    /// Direct children with at least one deployment.
    public let covered: Int
    /// All direct children (prefectures of a province, counties of a prefecture).
    public let childCount: Int
    /// The earliest matching deployment's date, if any.
    public let firstDate: Day?
    /// Deployments recorded at the region itself (a city-wide or province-wide body), not in
    /// any child: the children's counts plus this make `count`.
    public var own = 0
    /// `count` less the deployments marked uncertain.
    public var firmCount = 0
    /// The earliest date among deployments neither uncertain nor approximately dated.
    public var firmFirstDate: Day?

    /// Every deployment counted is marked uncertain: the figure rests on thin evidence.
    public var countIsUncertain: Bool { count > 0 && firmCount == 0 }
    /// The first date comes only from uncertain or approximately dated records.
    public var firstDateIsSoft: Bool { firstDate != nil && firmFirstDate != firstDate }
}

/// Deployments per day for one region: what the timeline pane draws.
public struct Timeline: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public let day: Day
        /// Deployments that began on this day.
        public let added: Int
        /// Deployments that began on or before this day.
        public let cumulative: Int

        public init(day: Day, added: Int, cumulative: Int) {
            self.day = day; self.added = added; self.cumulative = cumulative
        }
    }
    /// Only days with at least one new deployment, in date order.
    public let points: [Point]

    public init(points: [Point]) { self.points = points }

    /// The cumulative count at a day (0 before the first point).
    public func cumulative(at day: Day) -> Int {
        var lo = 0, hi = points.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].day <= day { lo = mid + 1 } else { hi = mid }
        }
        return lo == 0 ? 0 : points[lo - 1].cumulative
    }
}

/// A deployment with everything a reader needs to judge it: its sources resolved and the
/// regions it sits in.
public struct DeploymentRecord: Sendable, Equatable {
    public let deployment: Deployment
    public let sources: [Source]
    /// From the deployment's own region up to its province.
    public let lineage: [Region]
}
