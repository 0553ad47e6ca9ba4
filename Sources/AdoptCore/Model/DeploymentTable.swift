/// The deployments of a snapshot, stored column by column.
///
/// Why: a national registry runs to a million records. As an array of `Deployment` structs each
/// record costs several heap objects (strings, arrays); here a record costs a few dozen bytes
/// (fixed-width columns, strings packed into one buffer, model / use-case / source names interned
/// into small vocabularies), and counting scans narrow columns. It is still a collection of
/// `Deployment`, built on demand, so small-data code and tests read naturally.
public struct DeploymentTable: RandomAccessCollection, Sendable, Equatable {
    public var startIndex: Int { 0 }
    public var endIndex: Int { dates.count }

    public private(set) var dates: [Int32] = []
    public private(set) var regions: [Int32] = []
    public private(set) var statuses: [UInt8] = []
    public private(set) var sectors: [UInt8] = []
    /// Bit 0 approximate, bit 1 uncertain, bit 2 has a note.
    public private(set) var flags: [UInt8] = []
    var ids = StringColumn()
    var organizations = StringColumn()
    var notes = StringColumn()
    public private(set) var models = ListColumn()
    public private(set) var useCases = ListColumn()
    public private(set) var sources = ListColumn()
    /// The distinct model names, use cases and source ids, indexed by the list columns.
    public private(set) var modelNames = Vocabulary()
    public private(set) var useCaseNames = Vocabulary()
    public private(set) var sourceIDs = Vocabulary()

    public init() {}

    public init(_ deployments: [Deployment]) {
        for d in deployments { append(d) }
    }

    public subscript(i: Int) -> Deployment {
        Deployment(
            id: ids[i], region: RegionCode(value: regions[i]), organization: organizations[i],
            date: Day(ordinal: dates[i]), approximate: flags[i] & 1 != 0,
            status: Status.allCases[Int(statuses[i])], sector: Sector.allCases[Int(sectors[i])],
            models: models[i].map { modelNames[Int($0)] },
            useCases: useCases[i].map { useCaseNames[Int($0)] },
            sources: sources[i].map { sourceIDs[Int($0)] },
            note: flags[i] & 4 != 0 ? notes[i] : nil, uncertain: flags[i] & 2 != 0)
    }

    public func id(at i: Int) -> String { ids[i] }
    public func organization(at i: Int) -> String { organizations[i] }
    public func date(at i: Int) -> Day { Day(ordinal: dates[i]) }
    public func region(at i: Int) -> RegionCode { RegionCode(value: regions[i]) }
    public func status(at i: Int) -> Status { Status.allCases[Int(statuses[i])] }
    public func sector(at i: Int) -> Sector { Sector.allCases[Int(sectors[i])] }

    /// Calls `body` with the UTF-8 bytes of the organisation, id and note of row `i`
    /// (text search without building strings).
    func withSearchText<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> [R] {
        [organizations.withBytes(i, body), ids.withBytes(i, body), notes.withBytes(i, body)]
    }

    public mutating func append(_ d: Deployment) {
        appendRow(id: d.id, region: d.region, organization: d.organization, date: d.date,
                  approximate: d.approximate, status: d.status, sector: d.sector,
                  models: d.models.map { modelNames.intern($0) },
                  useCases: d.useCases.map { useCaseNames.intern($0) },
                  sources: d.sources.map { sourceIDs.intern($0) }, note: d.note, uncertain: d.uncertain)
    }

    /// Appends a row whose list values are already interned into this table's vocabularies.
    mutating func appendRow(id: String, region: RegionCode, organization: String, date: Day,
                            approximate: Bool, status: Status, sector: Sector, models: [UInt32],
                            useCases: [UInt32], sources: [UInt32], note: String?, uncertain: Bool) {
        ids.append(id)
        regions.append(region.value)
        organizations.append(organization)
        dates.append(date.ordinal)
        statuses.append(UInt8(Status.allCases.firstIndex(of: status)!))
        sectors.append(UInt8(Sector.allCases.firstIndex(of: sector)!))
        flags.append((approximate ? 1 : 0) | (uncertain ? 2 : 0) | (note != nil ? 4 : 0))
        notes.append(note ?? "")
        self.models.append(models)
        self.useCases.append(useCases)
        self.sources.append(sources)
    }

    mutating func internModel(_ s: String) -> UInt32 { modelNames.intern(s) }
    mutating func internUseCase(_ s: String) -> UInt32 { useCaseNames.intern(s) }
    mutating func internSource(_ s: String) -> UInt32 { sourceIDs.intern(s) }

    /// Keeps only the rows for which `keep` is true (used to drop invalid rows after checks
    /// that need the whole file).
    mutating func removeRows(where remove: (Int) -> Bool) {
        var kept = DeploymentTable()
        kept.modelNames = modelNames; kept.useCaseNames = useCaseNames; kept.sourceIDs = sourceIDs
        for i in indices where !remove(i) {
            kept.appendRow(id: ids[i], region: region(at: i), organization: organizations[i], date: date(at: i),
                           approximate: flags[i] & 1 != 0, status: status(at: i), sector: sector(at: i),
                           models: Array(models[i]), useCases: Array(useCases[i]), sources: Array(sources[i]),
                           note: flags[i] & 4 != 0 ? notes[i] : nil, uncertain: flags[i] & 2 != 0)
        }
        self = kept
    }

    public mutating func reserveCapacity(_ n: Int) {
        dates.reserveCapacity(n); regions.reserveCapacity(n); statuses.reserveCapacity(n)
        sectors.reserveCapacity(n); flags.reserveCapacity(n)
    }
}

/// Many strings in one UTF-8 buffer.
struct StringColumn: Sendable, Equatable {
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []

    mutating func append(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
        ends.append(UInt32(bytes.count))
    }

    mutating func append(bytes b: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: b)
        ends.append(UInt32(bytes.count))
    }

    subscript(i: Int) -> String {
        withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    func withBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let start = i == 0 ? 0 : Int(ends[i - 1]), end = Int(ends[i])
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }
}

/// Many short lists of small integers in one buffer.
public struct ListColumn: Sendable, Equatable {
    public private(set) var values: [UInt32] = []
    public private(set) var ends: [UInt32] = []

    mutating func append(_ list: [UInt32]) {
        values.append(contentsOf: list)
        ends.append(UInt32(values.count))
    }

    public subscript(i: Int) -> ArraySlice<UInt32> {
        let start = i == 0 ? 0 : Int(ends[i - 1])
        return values[start..<Int(ends[i])]
    }
}

/// Distinct strings, each given a small number in order of first use.
public struct Vocabulary: Sendable, Equatable {
    public private(set) var names: [String] = []
    private var index: [String: UInt32] = [:]

    public subscript(i: Int) -> String { names[i] }
    public var count: Int { names.count }

    public func number(of name: String) -> UInt32? { index[name] }

    mutating func intern(_ name: String) -> UInt32 {
        if let k = index[name] { return k }
        let k = UInt32(names.count)
        names.append(name)
        index[name] = k
        return k
    }
}

extension DeploymentTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Deployment...) { self.init(elements) }
}
