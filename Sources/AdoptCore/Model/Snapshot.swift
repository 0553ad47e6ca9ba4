/// Everything known as of one date: one validated snapshot file.
public struct Snapshot: Sendable {
    /// The path it was read from (for messages and the status bar).
    public var file: String
    public var asOf: Day
    public var title: String?
    /// Generated data (scale tests); shown as SYNTHETIC on screen.
    public var synthetic: Bool
    public var sources: [Source]
    /// Column-stored (see `DeploymentTable`); iterate it like an array of `Deployment`.
    public var deployments: DeploymentTable
    public var events: [Event]
    public var claims: [Claim]

    public init(file: String, asOf: Day, title: String? = nil, synthetic: Bool = false,
                sources: [Source] = [], deployments: [Deployment] = [],
                events: [Event] = [], claims: [Claim] = []) {
        self.init(file: file, asOf: asOf, title: title, synthetic: synthetic, sources: sources,
                  table: DeploymentTable(deployments), events: events, claims: claims)
    }

    public init(file: String, asOf: Day, title: String? = nil, synthetic: Bool = false,
                sources: [Source] = [], table: DeploymentTable,
                events: [Event] = [], claims: [Claim] = [], version: Int = 1) {
        self.version = version
        self.file = file; self.asOf = asOf; self.title = title; self.synthetic = synthetic
        self.sources = sources; self.deployments = table; self.events = events; self.claims = claims
    }

    public static let formatName = "adopt.snapshot"
    /// The newest version this reader understands; every older one still loads.
    public static let supportedVersion = 2
    /// Version 2 added `deployments[].body`, `events[].analysis` and `claims[].counts`.
    public static let supportedVersions: ClosedRange<Int> = 1...2
    /// The file's `version`.
    public var version = 1

    /// False for an older snapshot kept light: its file and `asOf` (and title, version)
    /// without its tables, which `Store` reads again from the file when a history view asks
    /// (`Store.resolved`). History then costs little memory (see `lightened`).
    public var resident = true

    /// Older snapshots with more deployments than this are kept light in the dashboard's
    /// state: a million-row table is hundreds of megabytes, and 8 weekly files of them would
    /// multiply the memory of the newest alone. Smaller ones stay whole (cheap, and their
    /// history views answer at once).
    public static let residentHistoryLimit = 50_000

    /// This snapshot as history keeps it: itself when small, else light.
    public func lightened(limit: Int = Snapshot.residentHistoryLimit) -> Snapshot {
        guard resident, deployments.count > limit else { return self }
        var light = Snapshot(file: file, asOf: asOf, title: title, synthetic: synthetic, table: DeploymentTable([]),
                             version: version)
        light.resident = false
        return light
    }
}
