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

/// What kind of body adopted (format version 2): analysts ask how much adoption is in law
/// enforcement and justice versus public services, which `Sector` alone cannot say.
public enum Body: String, CaseIterable, Sendable {
    case governmentOffice = "government-office"
    case dataBureau = "data-bureau"
    case hotline
    case police
    case procuratorate
    case court
    case justiceBureau = "justice-bureau"
    case partyOrgan = "party-organ"
    case healthcareSecurity = "healthcare-security"
    case meteorology
    case hospital
    case school
    case stateEnterprise = "state-enterprise"
    case company
    case computeCentre = "compute-centre"

    /// The broad group a body belongs to, for breakdowns ("justice" versus "services").
    public var group: BodyGroup {
        switch self {
        case .police, .procuratorate, .court, .justiceBureau: return .lawAndJustice
        case .hotline, .healthcareSecurity, .hospital, .school, .meteorology: return .publicServices
        case .governmentOffice, .dataBureau, .partyOrgan: return .administration
        case .stateEnterprise, .company: return .business
        case .computeCentre: return .infrastructure
        }
    }
}

/// Bodies grouped the way analysts compare them.
public enum BodyGroup: String, CaseIterable, Sendable {
    case administration
    case lawAndJustice = "law-and-justice"
    case publicServices = "public-services"
    case business
    case infrastructure
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
    /// What kind of body adopted; nil when the file does not say (version 1 files never do).
    public var body: Body?

    public init(id: String, region: RegionCode, organization: String, date: Day,
                approximate: Bool = false, status: Status, sector: Sector,
                models: [String] = [], useCases: [String] = [], sources: [String] = [],
                note: String? = nil, uncertain: Bool = false, body: Body? = nil) {
        self.id = id; self.region = region; self.organization = organization; self.date = date
        self.approximate = approximate; self.status = status; self.sector = sector
        self.models = models; self.useCases = useCases; self.sources = sources
        self.note = note; self.uncertain = uncertain; self.body = body
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
    /// Why the milestone matters (format version 2); nil when the file gives none.
    public var analysis: EventAnalysis?

    public init(date: Day, title: String, region: RegionCode? = nil, source: String? = nil,
                analysis: EventAnalysis? = nil) {
        self.date = date; self.title = title; self.region = region; self.source = source
        self.analysis = analysis
    }
}

/// A milestone's analysis in five parts, each optional (the structure of a milestone summary:
/// what happened, why it matters, and what it signals).
public struct EventAnalysis: Sendable, Equatable {
    public var whatHappened: String?
    public var whyItMatters: String?
    public var strategicFunction: String?
    public var systemicImpact: String?
    public var longTermSignal: String?

    public init(whatHappened: String? = nil, whyItMatters: String? = nil, strategicFunction: String? = nil,
                systemicImpact: String? = nil, longTermSignal: String? = nil) {
        self.whatHappened = whatHappened; self.whyItMatters = whyItMatters
        self.strategicFunction = strategicFunction; self.systemicImpact = systemicImpact
        self.longTermSignal = longTermSignal
    }

    /// The parts in reading order with their headings, leaving out the empty ones.
    public var parts: [(heading: String, text: String)] {
        [("What happened", whatHappened), ("Why it matters", whyItMatters),
         ("Strategic function", strategicFunction), ("Systemic impact", systemicImpact),
         ("Long-term signal", longTermSignal)].compactMap { h, t in t.map { (h, $0) } }
    }

    public var isEmpty: Bool { parts.isEmpty }
}

/// An aggregate statement by someone else, e.g. Zhiding's "72 governments", shown beside
/// what the snapshot tracks so the two can be compared honestly.
public struct Claim: Sendable, Hashable {
    public var date: Day
    public var region: RegionCode
    public var metric: String
    public var value: Double
    public var source: String
    /// What the claim counts, so the tracked figure can count the same thing (version 2).
    /// Absent: deployments of every kind.
    public var counts: ClaimCounts

    public init(date: Day, region: RegionCode, metric: String, value: Double, source: String,
                counts: ClaimCounts = ClaimCounts()) {
        self.date = date; self.region = region; self.metric = metric; self.value = value; self.source = source
        self.counts = counts
    }
}

/// A claim's definition: the unit it counts and which deployments qualify. Every list empty
/// means "all".
public struct ClaimCounts: Sendable, Hashable {
    public enum Unit: String, CaseIterable, Sendable {
        /// Matching deployments.
        case deployments
        /// Distinct organisations with a matching deployment.
        case organizations
        /// Distinct region codes at the listed levels with a matching deployment recorded there
        /// (a city government's, not a district's: "72 provincial and city governments").
        case regions
        /// The share (%) of mainland regions at the listed levels within the claim's region
        /// that have a matching deployment in them or below ("adoption in every province").
        case percentOfRegions = "percent-of-regions"
    }

    public var unit: Unit
    public var sectors: Set<Sector>
    public var levels: Set<RegionLevel>
    public var statuses: Set<Status>
    /// Kinds of body (e.g. procuratorates); an addition to the keys, so a claim about
    /// one kind of body is not compared with every government deployment.
    public var bodies: Set<Body>

    public init(unit: Unit = .deployments, sectors: Set<Sector> = [], levels: Set<RegionLevel> = [],
                statuses: Set<Status> = [], bodies: Set<Body> = []) {
        self.unit = unit; self.sectors = sectors; self.levels = levels; self.statuses = statuses
        self.bodies = bodies
    }

    /// The claim's value is a share, and so is the tracked figure beside it.
    public var isShare: Bool { unit == .percentOfRegions }
}

/// The level names a claim's `counts.levels` may use.
public enum ClaimLevel: String, CaseIterable, Sendable {
    case province, prefecture, county

    public var regionLevel: RegionLevel {
        switch self {
        case .province: return .province
        case .prefecture: return .prefecture
        case .county: return .county
        }
    }
}
