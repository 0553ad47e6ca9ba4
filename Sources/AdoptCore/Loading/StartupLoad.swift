import Foundation

/// The dashboard's first load: the newest valid snapshot alone, found without parsing every
/// file, and the list of the other files for the background to read afterwards ("history").
///
/// At 1M deployments x 8 weekly files an eager `DataSet.load` parses 2 GB before the first
/// frame; this parses one file (more only when the newest ones are broken). Which file is
/// newest is told from each file's `asOf` read leniently (`LenientHeader`, a scan that stops at
/// the field); a file whose `asOf` cannot be read that way is parsed to know. Candidates are
/// ordered as `Store` orders snapshots: `asOf`, then the path. The newest is parsed; if it is
/// invalid, its problems are kept and the next newest is tried, as an eager load would fall
/// back to it.
///
/// A valid file has exactly one top-level `asOf` (a second is a "duplicate field name"
/// error), so the lenient value of a valid file is its parsed value, and the order is the
/// eager one. `DataSet.load` stays eager for `validate`, `export` and `dump`.
public struct StartupLoad: Sendable {
    /// Every snapshot file listed, in load order (as `DataSet.files`).
    public let files: [String]
    /// Problems with the opened paths themselves (a missing path, an empty directory).
    public let pathProblems: [Problem]
    /// The files read now and what each gave: the newest valid one, the newer invalid ones
    /// tried before it, and files whose `asOf` could not be read leniently and were invalid.
    public let results: [String: SnapshotLoader.Result]
    /// The newest valid snapshot; nil when no file is valid (every file was then read).
    public let newest: Snapshot?

    /// Every valid snapshot read (the newest, and a small history read at once).
    public var snapshots: [Snapshot] { files.compactMap { results[$0]?.snapshot } }
    /// The files not read yet, newest first: the background reads them in this order, so the
    /// snapshot before the current one (`±since`, `d`) comes first.
    public let history: [String]

    /// Path problems, then each file's read so far, in `files` order (as `DataSet.problems`).
    public var problems: [Problem] {
        pathProblems + files.flatMap { results[$0]?.problems ?? [] }
    }

    public init(files: [String], pathProblems: [Problem], results: [String: SnapshotLoader.Result],
                newest: Snapshot?, history: [String]) {
        self.files = files; self.pathProblems = pathProblems; self.results = results
        self.newest = newest; self.history = history
    }

    /// Lists the paths (a file named twice is read once, as `DataSet.load`) and reads the
    /// newest valid file, and the older ones too when they are small (`eagerHistoryBytes`).
    /// - Parameters:
    ///   - progress: fed file by file; the total grows with each file read, since which files
    ///     are read is known only as the newest valid one is found.
    ///   - read: reads one file (tests count the reads).
    public static func load(paths: [String], gazetteer: Gazetteer = .shared, eagerHistoryBytes: Int = eagerHistoryBytes,
                            progress: LoadProgress? = nil, read: ((String) -> SnapshotLoader.Result)? = nil)
        -> StartupLoad {
        let read = read ?? { SnapshotLoader.load(file: $0, gazetteer: gazetteer, progress: progress) }
        defer { progress?.finish() }
        let (listed, pathProblems) = DataSet.files(in: DataSet.unique(paths))
        let files = DataSet.unique(listed)
        var results: [String: SnapshotLoader.Result] = [:]
        /// Files to try, with the key they sort by.
        var candidates: [(key: Key, file: String)] = []
        /// The best valid snapshot parsed so far (from a file whose `asOf` was not readable).
        var best: (key: Key, snapshot: Snapshot)?
        /// Valid files parsed and then found not to be the newest: read again with the history.
        var demoted: [Key] = []
        for file in files {
            if let asOf = headAsOf(file) {
                candidates.append((Key(asOf: asOf, file: file), file))
                continue
            }
            let result = read(file)
            guard let snapshot = result.snapshot else { results[file] = result; continue }
            let key = Key(asOf: snapshot.asOf, file: file)
            if let b = best, b.key > key {
                demoted.append(key)
            } else {
                if let b = best { demoted.append(b.key); results[b.snapshot.file] = nil }
                best = (key, snapshot)
                results[file] = result
            }
        }
        candidates.sort { $0.key > $1.key }
        var next = 0
        while next < candidates.count, best.map({ candidates[next].key > $0.key }) ?? true {
            let file = candidates[next].file
            next += 1
            let result = read(file)
            results[file] = result
            guard let snapshot = result.snapshot else { continue }
            if let b = best { demoted.append(b.key); results[b.snapshot.file] = nil }
            best = (Key(asOf: snapshot.asOf, file: file), snapshot)
            break
        }
        // The rest, newest first; files demoted above go with them in their order.
        var rest = (candidates[next...].map { $0.key } + demoted).sorted(by: >).map(\.file)
        // A small history (the shipped Data/, a few small files) is read now: it costs a few
        // milliseconds, and the first frame then has every snapshot, as an eager load does.
        if historyBytes(rest) <= eagerHistoryBytes {
            for file in rest { results[file] = read(file) }
            rest = []
        }
        return StartupLoad(files: files, pathProblems: pathProblems, results: results,
                           newest: best?.snapshot, history: rest)
    }

    /// Older files totalling at most this many bytes are read before the first frame (about
    /// 30,000 deployments: tens of milliseconds).
    public static let eagerHistoryBytes = 8 << 20

    private static func historyBytes(_ files: [String]) -> Int {
        var total = 0
        for file in files {
            var st = stat()
            total += stat(file, &st) == 0 ? Int(st.st_size) : 0
        }
        return total
    }

    /// `LenientHeader.asOf(file:)` without reading the whole file: the scan is sequential, so
    /// a value found in the first 64 KB is the one a scan of the whole file finds; only when
    /// the head holds none is the whole file read (a file of 250 MB then costs a read).
    static func headAsOf(_ path: String) -> Day? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var head = [UInt8](repeating: 0, count: 1 << 16)
        let n = head.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard n > 0 else { return nil }
        let found = head.withUnsafeBufferPointer { LenientHeader.string("asOf", in: UnsafeBufferPointer(rebasing: $0[..<n])) }
        if let found { return Day(found.value) }
        return n < Int(st.st_size) ? LenientHeader.asOf(file: path) : nil
    }

    /// How snapshots are ordered (as `Store`): `asOf`, then the path.
    struct Key: Comparable {
        var asOf: Day
        var file: String
        static func < (a: Key, b: Key) -> Bool { (a.asOf, a.file) < (b.asOf, b.file) }
    }
}
