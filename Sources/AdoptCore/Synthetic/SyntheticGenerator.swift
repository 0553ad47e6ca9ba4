import Foundation

/// Writes synthetic snapshot files for scale tests and benchmarks: valid, deterministic for a
/// seed, marked `synthetic: true`, spread realistically over every county-level region, the
/// dates from 2025-01-20 to `asOf`, the sectors, statuses, models and use cases.
///
/// A series of `snapshots` files has `asOf` dates `daysApart` apart (a week unless asked:
/// a daily pipeline's directory is one a day) ending at `asOf`; each later
/// file keeps the earlier one's deployments (same ids), adds the ones reported since, changes
/// a few statuses and withdraws a few, so history diffs look like real ones. The last file
/// has exactly `deployments` deployments. Such files are never committed: tests and
/// benchmarks generate what they need (`adopt generate`, `adopt-bench`).
public struct SyntheticGenerator: Sendable {
    /// R1's release: no synthetic deployment is earlier.
    public static let firstDay = Day(year: 2025, month: 1, day: 20)!
    public static let defaultAsOf = Day(year: 2025, month: 6, day: 30)!
    public static let daysBetweenSnapshots = 7

    /// Deployments in the last snapshot.
    public let deployments: Int
    public let snapshots: Int
    /// Days between one snapshot's `asOf` and the next.
    public let daysApart: Int
    public let seed: UInt64
    /// Each snapshot's `asOf`, oldest first; the last is the `asOf` asked for.
    public let snapshotDays: [Day]

    /// Deployments withdrawn before the last snapshot, and all deployments ever drawn.
    let removedCount: Int
    let total: Int
    /// `snapshotDays` as calendar indices.
    let snapshotIndices: [Int]
    let regions: SyntheticRegions
    let calendar: SyntheticCalendar
    let sectorTable = WeightedTable(weights: SyntheticVocabulary.sectorWeights)
    /// Department weights per sector, in `Sector.allCases` order.
    let departmentTables: [WeightedTable]
    let statusTable = WeightedTable(weights: SyntheticVocabulary.statusWeights)
    let modelTable = WeightedTable(weights: SyntheticVocabulary.models.map(\.weight))
    let useCaseTable = WeightedTable(weights: SyntheticVocabulary.useCases.map(\.weight))
    let sourceTable = WeightedTable(weights: [40, 20, 12, 8, 6, 5, 5, 4])
    let text: SyntheticText

    public struct PlanError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public struct WriteError: Error, Sendable, CustomStringConvertible {
        public let path: String
        public let message: String
        public var description: String { "\(path): \(message)" }
    }

    public init(deployments: Int, snapshots: Int = 1, seed: UInt64 = 1,
                asOf: Day = SyntheticGenerator.defaultAsOf, daysApart: Int = SyntheticGenerator.daysBetweenSnapshots,
                gazetteer: Gazetteer = .shared) throws(PlanError) {
        guard deployments >= 0, deployments < 1_000_000_000 else {
            throw PlanError(description: "the number of deployments must be from 0 to 999,999,999, got \(deployments)")
        }
        guard snapshots >= 1 else { throw PlanError(description: "there must be at least one snapshot, got \(snapshots)") }
        guard (1...366).contains(daysApart) else {
            throw PlanError(description: "snapshots must be 1 to 366 days apart, got \(daysApart)")
        }
        let firstAsOf = asOf.adding(days: -daysApart * (snapshots - 1))
        guard firstAsOf >= SyntheticGenerator.firstDay else {
            let apart = daysApart == 7 ? "a week" : daysApart == 1 ? "a day" : "\(daysApart) days"
            throw PlanError(description: """
                \(snapshots) snapshots \(apart) apart ending \(asOf) would start on \(firstAsOf), \
                before \(SyntheticGenerator.firstDay) (the earliest synthetic date); use a later --as-of or fewer snapshots
                """)
        }
        self.deployments = deployments
        self.snapshots = snapshots
        self.daysApart = daysApart
        self.seed = seed
        snapshotDays = (0..<snapshots).map { firstAsOf.adding(days: daysApart * $0) }
        removedCount = deployments > 0 && snapshots > 1 ? (snapshots - 1) * max(1, deployments / 1000) : 0
        total = deployments + removedCount

        var rng = SplitMix64(seed: SplitMix64.mix(seed))
        regions = SyntheticRegions(gazetteer: gazetteer, rng: &rng)
        calendar = SyntheticCalendar(first: SyntheticGenerator.firstDay, last: asOf)
        snapshotIndices = snapshotDays.map(calendar.index(of:))
        departmentTables = Sector.allCases.map {
            WeightedTable(weights: SyntheticVocabulary.departments(of: $0).map(\.weight))
        }
        text = SyntheticText(seed: seed, calendar: calendar)
    }

    /// The recommended file name for snapshot `k`: its `asOf`, e.g. `2025-06-30.json`.
    public func fileName(ofSnapshot k: Int) -> String { "\(snapshotDays[k]).json" }

    /// Snapshot `k` (0 is the oldest) as the bytes of a JSON file.
    public func bytes(ofSnapshot k: Int) -> [UInt8] {
        var out = ChunkWriter()
        // An in-memory writer never flushes, so it cannot fail.
        try? emit(snapshot: k, into: &out)
        return out.buffer
    }

    /// Writes every snapshot into `directory` (created if missing) and returns the paths,
    /// oldest first. Each file is written under a hidden temporary name and renamed into
    /// place, so a watcher never sees half a file. `progress` is told each file and the
    /// bytes written of it (every 1 MB chunk).
    public func write(to directory: String, progress: LoadProgress? = nil) throws(WriteError) -> [String] {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw WriteError(path: directory, message: "cannot create the directory (\(error.localizedDescription))")
        }
        var paths: [String] = []
        for k in 0..<snapshots {
            let path = (directory as NSString).appendingPathComponent(fileName(ofSnapshot: k))
            let temporary = (directory as NSString).appendingPathComponent(".\(fileName(ofSnapshot: k)).tmp")
            let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            guard fd >= 0 else { throw WriteError(path: temporary, message: String(cString: strerror(errno))) }
            var out = ChunkWriter(fd: fd, path: temporary)
            if let progress {
                progress.begin(file: path, bytes: 0)
                out.onFlush = { progress.advance(to: $0) }
            }
            do {
                try emit(snapshot: k, into: &out)
                try out.flush()
            } catch {
                close(fd)
                unlink(temporary)
                throw error
            }
            close(fd)
            guard rename(temporary, path) == 0 else {
                throw WriteError(path: path, message: String(cString: strerror(errno)))
            }
            paths.append(path)
        }
        return paths
    }

    /// The whole document for snapshot `k`.
    private func emit(snapshot k: Int, into out: inout ChunkWriter) throws(WriteError) {
        let asOfIndex = snapshotIndices[k]
        out.append("{\n  \"format\": \"adopt.snapshot\",\n  \"version\": 1,\n  \"asOf\": ")
        out.append(calendar.dayJSON[asOfIndex])
        out.append(",\n  \"title\": ")
        out.appendJSONString("SYNTHETIC data for scale tests (seed \(seed))")
        out.append(",\n  \"synthetic\": true,\n  \"sources\": [\n")
        out.append(text.sources)
        out.append("\n  ],\n  \"deployments\": [")
        var count = 0
        for index in stride(from: 1, through: total, by: 1) {
            let d = draw(index)
            guard d.isIncluded(inSnapshot: k, asOfIndex: asOfIndex) else { continue }
            out.append(count == 0 ? "\n" : ",\n")
            text.write(d, status: d.status(inSnapshot: k), into: &out)
            count += 1
            try out.flushIfFull()
        }
        out.append(count == 0 ? "],\n  \"events\": [" : "\n  ],\n  \"events\": [")
        var firstEvent = true
        for event in text.events where event.day <= asOfIndex {
            out.append(firstEvent ? "\n    " : ",\n    ")
            out.append(event.json)
            firstEvent = false
        }
        out.append(firstEvent ? "],\n  \"claims\": [\n    " : "\n  ],\n  \"claims\": [\n    ")
        out.append("{\"date\": ")
        out.append(calendar.dayJSON[asOfIndex])
        out.append(", \"region\": \"000000\", \"metric\": \"synthetic deployments in this file\", \"value\": ")
        out.append(count)
        out.append(", \"source\": \"gen-1\"}\n  ]\n}\n")
    }
}
