import Foundation

/// The snapshot files named on the command line: directories (their `*.json` files, not
/// recursive) and single files, loaded into one store.
public struct DataSet: Sendable {
    /// The files that were tried, in order.
    public let files: [String]
    /// The valid snapshots.
    public let snapshots: [Snapshot]
    /// Every problem, in file order.
    public let problems: [Problem]

    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// Expands paths into snapshot files; a path that does not exist becomes a problem.
    public static func files(in paths: [String]) -> (files: [String], problems: [Problem]) {
        var files: [String] = []
        var problems: [Problem] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                problems.append(Problem(file: path, line: 0, column: 0, path: "", message: "no such file or directory"))
                continue
            }
            if isDirectory.boolValue {
                let names = ((try? fm.contentsOfDirectory(atPath: path)) ?? [])
                    .filter(DataSet.isSnapshotName)
                    .sorted()
                if names.isEmpty {
                    problems.append(Problem(file: path, line: 0, column: 0, path: "",
                                            message: "no snapshot files (*.json) in this directory", severity: .warning))
                }
                files += names.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return (files, problems)
    }

    /// Whether a file of a snapshot directory is read as a snapshot: `*.json`, not hidden (a
    /// writer's temp file), and not `index.json` (a published feed's index, see `adopt publish`).
    public static func isSnapshotName(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasPrefix(".") && name != "index.json"
    }

    /// Loads every file; invalid files are reported and left out, valid ones still load. A file
    /// named twice (twice on the command line, or in a directory and by itself) is read once.
    /// `skipping` holds the `identity(of:)` of files read otherwise (`adopt validate` reads a
    /// tour named by itself as a tour, also when its directory is named too).
    /// `progress` is told the total size first, then each file as it is read.
    public static func load(paths: [String], skipping: Set<String> = [], gazetteer: Gazetteer = .shared,
                            progress: LoadProgress? = nil) -> DataSet {
        let (listed, pathProblems) = DataSet.files(in: unique(paths))
        let files = unique(listed).filter { skipping.isEmpty || !skipping.contains(identity(of: $0)) }
        progress?.start(totalBytes: progress == nil ? 0 : files.reduce(0) { $0 + LoadProgress.size(of: $1) })
        var snapshots: [Snapshot] = []
        var problems = pathProblems
        for file in files {
            let result = SnapshotLoader.load(file: file, gazetteer: gazetteer, progress: progress)
            problems += result.problems
            if let s = result.snapshot { snapshots.append(s) }
        }
        return DataSet(files: files, snapshots: snapshots, problems: problems)
    }

    /// The paths with later spellings of the same file left out (`identity(of:)`), in order.
    public static func unique(_ paths: [String]) -> [String] {
        var seen: Set<String> = []
        return paths.filter { seen.insert(identity(of: $0)).inserted }
    }

    /// What tells two spellings of one file apart from two files: the directory part resolved
    /// (relative, `.`, `..`, `//`, symbolic links), the name as given. `Data/a.json`,
    /// `./Data//a.json` and `/repo/Data/a.json` are one file; `a.json` and a link `b.json` to
    /// it stay two, as the directory listing has them.
    public static func identity(of path: String) -> String {
        let ns = path as NSString
        let name = ns.lastPathComponent
        var directory = ns.deletingLastPathComponent
        if directory.isEmpty { directory = "." }
        if name == "." || name == ".." || name == "/", let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        if !name.isEmpty, let real = realpath(directory, nil) {
            defer { free(real) }
            return (String(cString: real) as NSString).appendingPathComponent(name)
        }
        return URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// A store of the valid snapshots.
    public func makeStore(gazetteer: Gazetteer = .shared) -> Store {
        Store(snapshots: snapshots, gazetteer: gazetteer)
    }
}
