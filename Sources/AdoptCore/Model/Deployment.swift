/// How far along a deployment is, as reported.
public enum Status: String, CaseIterable, Sendable {
    case announced, training, piloting, deployed, suspended
}

/// Who runs it: a government body, a public service (hospital, school, utility) or a business.
public enum Sector: String, CaseIterable, Sendable {
    case government
    case publicService = "public-service"
    case enterprise
}

/// One reported use of a model by one organisation in one region.
public struct Deployment: Sendable, Equatable {
    /// Unique in a snapshot and stable across snapshots, so history can be compared by id.
    public var id: String
    public var region: RegionCode
    public var organization: String
    /// When it began; `approximate` when the day is not known.
    public var date: Day
    public var approximate: Bool
    public var status: Status
    public var sector: Sector
    public var models: [String]
    public var useCases: [String]
    /// Ids into the snapshot's `sources`.
    public var sources: [String]
    public var note: String?
    /// The report is thin or ambiguous; shown as such on screen.
    public var uncertain: Bool

    public init(id: String, region: RegionCode, organization: String, date: Day,
                approximate: Bool = false, status: Status, sector: Sector,
                models: [String] = [], useCases: [String] = [], sources: [String] = [],
                note: String? = nil, uncertain: Bool = false) {
        self.id = id; self.region = region; self.organization = organization; self.date = date
        self.approximate = approximate; self.status = status; self.sector = sector
        self.models = models; self.useCases = useCases; self.sources = sources
        self.note = note; self.uncertain = uncertain
    }
}

/// Where a fact was reported.
public struct Source: Sendable, Equatable {
    public var id: String
    public var publisher: String
    public var title: String?
    public var date: Day?
    public var url: String?

    public init(id: String, publisher: String, title: String? = nil, date: Day? = nil, url: String? = nil) {
        self.id = id; self.publisher = publisher; self.title = title; self.date = date; self.url = url
    }
}

/// A milestone shown on the timeline (a model release, a policy, a meeting).
public struct Event: Sendable, Equatable {
    public var date: Day
    public var title: String
    public var region: RegionCode?
    public var source: String?

    public init(date: Day, title: String, region: RegionCode? = nil, source: String? = nil) {
        self.date = date; self.title = title; self.region = region; self.source = source
    }
}

/// An aggregate statement by someone else, e.g. Zhiding's "72 governments", shown beside
/// what the snapshot tracks so the two can be compared honestly.
public struct Claim: Sendable, Equatable {
    public var date: Day
    public var region: RegionCode
    public var metric: String
    public var value: Double
    public var source: String

    public init(date: Day, region: RegionCode, metric: String, value: Double, source: String) {
        self.date = date; self.region = region; self.metric = metric; self.value = value; self.source = source
    }
}
