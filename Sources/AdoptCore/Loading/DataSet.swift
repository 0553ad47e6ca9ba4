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
                    .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
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

    /// Loads every file; invalid files are reported and left out, valid ones still load.
    public static func load(paths: [String], gazetteer: Gazetteer = .shared) -> DataSet {
        let (files, pathProblems) = DataSet.files(in: paths)
        var snapshots: [Snapshot] = []
        var problems = pathProblems
        for file in files {
            let result = SnapshotLoader.load(file: file, gazetteer: gazetteer)
            problems += result.problems
            if let s = result.snapshot { snapshots.append(s) }
        }
        return DataSet(files: files, snapshots: snapshots, problems: problems)
    }

    /// A store of the valid snapshots.
    public func makeStore(gazetteer: Gazetteer = .shared) -> Store {
        Store(snapshots: snapshots, gazetteer: gazetteer)
    }
}
