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
    /// 0 when the file gives no `body`, else 1 + the index in `Body.allCases`.
    public private(set) var bodies: [UInt8] = []
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
    /// Set by the loader once ids are checked, so the store need not build it again.
    var idIndex: IDIndex?

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
            note: flags[i] & 4 != 0 ? notes[i] : nil, uncertain: flags[i] & 2 != 0, body: body(at: i))
    }

    public func body(at i: Int) -> Body? { bodies[i] == 0 ? nil : Body.allCases[Int(bodies[i]) - 1] }

    /// The column value for a body (0 for none).
    static func bodyCode(_ b: Body?) -> UInt8 { b.map { UInt8(Body.allCases.firstIndex(of: $0)! + 1) } ?? 0 }

    /// Forgets every row's body (a version 1 file that wrote the version 2 field).
    mutating func clearBodies() { bodies = [UInt8](repeating: 0, count: bodies.count) }

    public func id(at i: Int) -> String { ids[i] }
    public func organization(at i: Int) -> String { organizations[i] }
    public func date(at i: Int) -> Day { Day(ordinal: dates[i]) }
    public func region(at i: Int) -> RegionCode { RegionCode(value: regions[i]) }
    public func status(at i: Int) -> Status { Status.allCases[Int(statuses[i])] }
    public func sector(at i: Int) -> Sector { Sector.allCases[Int(sectors[i])] }

    /// The UTF-8 bytes of row `i`'s organisation and id, without building strings (search).
    public func withOrganizationBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        organizations.withBytes(i, body)
    }

    public func withIDBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        ids.withBytes(i, body)
    }

    public func withNoteBytes<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        notes.withBytes(i, body)
    }

    /// A whole text column: its UTF-8 bytes and each row's end offset (row `i` is
    /// `bytes[ends[i - 1] ..< ends[i]]`), for scans of every row that build no strings (search).
    public func withOrganizationColumn<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>) -> R) -> R {
        organizations.withColumn(body)
    }

    public func withIDColumn<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>) -> R) -> R {
        ids.withColumn(body)
    }

    public func withNoteColumn<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>) -> R) -> R {
        notes.withColumn(body)
    }

    public mutating func append(_ d: Deployment) {
        idIndex = nil
        appendRow(id: d.id, region: d.region, organization: d.organization, date: d.date,
                  approximate: d.approximate, status: d.status, sector: d.sector,
                  models: d.models.map { modelNames.intern($0) },
                  useCases: d.useCases.map { useCaseNames.intern($0) },
                  sources: d.sources.map { sourceIDs.intern($0) }, note: d.note, uncertain: d.uncertain,
                  body: d.body)
    }

    /// Appends a row whose list values are already interned into this table's vocabularies.
    mutating func appendRow(id: String, region: RegionCode, organization: String, date: Day,
                            approximate: Bool, status: Status, sector: Sector, models: [UInt32],
                            useCases: [UInt32], sources: [UInt32], note: String?, uncertain: Bool,
                            body: Body? = nil) {
        bodies.append(DeploymentTable.bodyCode(body))
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

    /// Which vocabulary a list column uses.
    enum ListKind { case models, useCases, sources }

    mutating func internName(_ b: UnsafeBufferPointer<UInt8>, into kind: ListKind, name: () -> String) -> UInt32 {
        switch kind {
        case .models: return modelNames.intern(bytes: b, name: name)
        case .useCases: return useCaseNames.intern(bytes: b, name: name)
        case .sources: return sourceIDs.intern(bytes: b, name: name)
        }
    }

    /// The loader's fast path: text columns take bytes that are already checked and clean.
    mutating func appendRow(id: UnsafeBufferPointer<UInt8>, region: Int32, organization: UnsafeBufferPointer<UInt8>,
                            date: Int32, flags: UInt8, status: UInt8, sector: UInt8, models: [UInt32],
                            useCases: [UInt32], sources: [UInt32], note: UnsafeBufferPointer<UInt8>,
                            body: UInt8 = 0) {
        bodies.append(body)
        ids.append(bytes: id)
        regions.append(region)
        organizations.append(bytes: organization)
        dates.append(date)
        statuses.append(status)
        sectors.append(sector)
        self.flags.append(flags)
        notes.append(bytes: note)
        self.models.append(models)
        self.useCases.append(useCases)
        self.sources.append(sources)
    }

    /// Reserves room for `rows` rows, sizing the text and list buffers from what the rows so
    /// far used: growing a 100 MB array by doubling would briefly hold both copies.
    mutating func reserve(rows: Int) {
        guard rows > count, count > 0 else { return }
        let scale = Double(rows) / Double(count)
        func grow<T>(_ a: inout [T]) { a.reserveCapacity(Int(Double(a.count) * scale) + 16) }
        grow(&dates); grow(&regions); grow(&statuses); grow(&sectors); grow(&flags); grow(&bodies)
        ids.reserve(scale: scale); organizations.reserve(scale: scale); notes.reserve(scale: scale)
        models.reserve(scale: scale); useCases.reserve(scale: scale); sources.reserve(scale: scale)
    }
}

extension DeploymentTable {
    /// The rows of `parts` one after another, exactly as if they had been appended to one
    /// table in that order: each vocabulary numbers names by first use across the parts, and
    /// the later parts' list values are renumbered to match. Also returns, per part, where
    /// its source ids went (the loader's per-source counts follow them).
    ///
    /// The first part becomes the result and the others are appended to it column by column,
    /// each emptied as it goes: the first part's rows are not copied (its columns were
    /// reserved for the whole file, `DeploymentDecoder.decodeElements(sizeTo:)`), so the join
    /// costs the later parts' bytes, and no column is held twice for long.
    static func joined(_ parts: inout [DeploymentTable]) -> (table: DeploymentTable, sourceMaps: [[UInt32]]) {
        guard !parts.isEmpty else { return (DeploymentTable(), []) }
        var t = parts[0]
        parts[0] = DeploymentTable()
        var sourceMaps: [[UInt32]] = [Array(0..<UInt32(t.sourceIDs.count))]
        for k in parts.indices.dropFirst() {
            var part = parts[k]
            parts[k] = DeploymentTable()
            let modelMap = t.modelNames.absorb(part.modelNames)
            let useCaseMap = t.useCaseNames.absorb(part.useCaseNames)
            let sourceMap = t.sourceIDs.absorb(part.sourceIDs)
            sourceMaps.append(sourceMap)
            func move<T>(_ column: WritableKeyPath<DeploymentTable, [T]>) {
                t[keyPath: column].append(contentsOf: part[keyPath: column])
                part[keyPath: column] = []
            }
            move(\.dates); move(\.regions); move(\.statuses); move(\.sectors); move(\.flags); move(\.bodies)
            t.ids.append(part.ids); part.ids = StringColumn()
            t.organizations.append(part.organizations); part.organizations = StringColumn()
            t.notes.append(part.notes); part.notes = StringColumn()
            t.models.append(part.models, renumbered: modelMap); part.models = ListColumn()
            t.useCases.append(part.useCases, renumbered: useCaseMap); part.useCases = ListColumn()
            t.sources.append(part.sources, renumbered: sourceMap); part.sources = ListColumn()
        }
        t.idIndex = nil
        return (t, sourceMaps)
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

    mutating func reserve(scale: Double) {
        bytes.reserveCapacity(Int(Double(bytes.count) * scale) + 16)
        ends.reserveCapacity(Int(Double(ends.count) * scale) + 16)
    }

    mutating func append(bytes b: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: b)
        ends.append(UInt32(bytes.count))
    }

    subscript(i: Int) -> String {
        withBytes(i) { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends another column's strings after these.
    mutating func append(_ other: StringColumn) {
        let base = UInt32(bytes.count)
        bytes.append(contentsOf: other.bytes)
        ends.appendShifted(other.ends, by: base)
    }

    func withColumn<R>(_ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt32>) -> R) -> R {
        bytes.withUnsafeBufferPointer { b in ends.withUnsafeBufferPointer { body(b, $0) } }
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

    mutating func reserve(scale: Double) {
        values.reserveCapacity(Int(Double(values.count) * scale) + 16)
        ends.reserveCapacity(Int(Double(ends.count) * scale) + 16)
    }

    mutating func append(_ list: [UInt32]) {
        values.append(contentsOf: list)
        ends.append(UInt32(values.count))
    }

    /// Appends another column's lists after these, its values renumbered through `map`.
    mutating func append(_ other: ListColumn, renumbered map: [UInt32]) {
        let base = UInt32(values.count)
        let start = values.count
        values.append(contentsOf: other.values)
        values.withUnsafeMutableBufferPointer { v in
            map.withUnsafeBufferPointer { m in
                for k in start..<v.count { v[k] = m[Int(v[k])] }
            }
        }
        ends.appendShifted(other.ends, by: base)
    }

    public subscript(i: Int) -> ArraySlice<UInt32> {
        let start = i == 0 ? 0 : Int(ends[i - 1])
        return values[start..<Int(ends[i])]
    }
}

/// Distinct strings, each given a small number in order of first use.
///
/// The loader interns straight from the file's bytes (`intern(bytes:)`) through a small
/// open-addressing table, so a repeated name costs a hash and a compare, not a new String.
public struct Vocabulary: Sendable, Equatable {
    public private(set) var names: [String] = []
    private var keys: [[UInt8]] = []
    /// Open addressing: entry + 1, or 0 for empty; size a power of two.
    private var table = [Int32](repeating: 0, count: 64)

    public subscript(i: Int) -> String { names[i] }
    public var count: Int { names.count }

    public func number(of name: String) -> UInt32? {
        var name = name
        return name.withUTF8 { find($0).found }
    }

    mutating func intern(_ name: String) -> UInt32 {
        let bytes = Array(name.utf8)
        return bytes.withUnsafeBufferPointer { intern(bytes: $0, name: { name }) }
    }

    /// Interns the raw bytes; `name` makes the shown name (e.g. cleaned) on first use only.
    mutating func intern(bytes: UnsafeBufferPointer<UInt8>, name: () -> String) -> UInt32 {
        let (found, slot) = find(bytes)
        if let found { return found }
        let k = UInt32(names.count)
        names.append(name())
        keys.append(Array(bytes))
        table[slot] = Int32(k + 1)
        if names.count * 2 > table.count { rehash() }
        return k
    }

    /// Interns `other`'s names in its order of first use; returns the number each got here.
    /// By the raw bytes, as the loader interned them, so two spellings that clean to the same
    /// text stay two entries, as they would in one table.
    mutating func absorb(_ other: Vocabulary) -> [UInt32] {
        other.keys.indices.map { k in
            other.keys[k].withUnsafeBufferPointer { intern(bytes: $0, name: { other.names[k] }) }
        }
    }

    private static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in b { h = (h ^ UInt64(c)) &* 0x100_0000_01b3 }
        return h
    }

    private func find(_ b: UnsafeBufferPointer<UInt8>) -> (found: UInt32?, slot: Int) {
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: Vocabulary.hash(b)) & mask
        while true {
            let e = table[slot]
            if e == 0 { return (nil, slot) }
            if keys[Int(e - 1)].withUnsafeBufferPointer({ EnumBytes.same($0, b) }) { return (UInt32(e - 1), slot) }
            slot = (slot + 1) & mask
        }
    }

    private mutating func rehash() {
        table = [Int32](repeating: 0, count: table.count * 2)
        let mask = table.count - 1
        for (k, key) in keys.enumerated() {
            var slot = key.withUnsafeBufferPointer { Int(truncatingIfNeeded: Vocabulary.hash($0)) } & mask
            while table[slot] != 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(k + 1)
        }
    }

    public static func == (a: Vocabulary, b: Vocabulary) -> Bool { a.names == b.names }
}

extension Array where Element == UInt32 {
    /// Appends `other` with `base` added to each value, in place (a lazy map appends one
    /// element at a time).
    mutating func appendShifted(_ other: [UInt32], by base: UInt32) {
        let start = count
        append(contentsOf: other)
        guard base != 0 else { return }
        withUnsafeMutableBufferPointer { b in
            for k in start..<b.count { b[k] &+= base }
        }
    }
}

extension DeploymentTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: Deployment...) { self.init(elements) }
}
