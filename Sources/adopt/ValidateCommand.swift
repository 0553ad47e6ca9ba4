import AdoptCore
import ArgumentParser
import Foundation

/// `adopt validate`: checks snapshot files (and tour files named by themselves) and prints one
/// line per problem, then which file is current and a summary.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check snapshot and tour files; print FILE:LINE:COL: error: MESSAGE for each problem.",
        discussion: """
            PATH is a directory of snapshots (*.json, not recursive) or a file; a file named by \
            itself that says "format": "adopt.tour" is checked as a tour. The same file named \
            twice (or by itself and through its directory) is checked once. Besides each file's \
            problems, validate warns when two valid files share an asOf (naming the one used), \
            and prints the current file (current: FILE (asOf DATE)) and, when a newer file is \
            broken, which one and the file used instead (on standard error, with the summary).

            \(exitStatusHelp(validate: true))
            """)

    @OptionGroup var data: DataOptions

    @OptionGroup var fallback: FallbackOptions

    @Flag(name: .shortAndLong, help: "Print only errors and the summary, not warnings.")
    var quiet = false

    func run() throws {
        let paths = DataSet.unique(try data.resolvedPaths())
        // Tours are recognised only when named by themselves: in a data directory every *.json
        // file is a snapshot, as the dashboard reads it.
        let tourFiles = paths.filter { isRegularFile($0) && LenientHeader.isTour(file: $0) }
        let snapshotPaths = paths.filter { !tourFiles.contains($0) }
        let result = withStderrProgress(verb: "Loading") {
            DataSet.load(paths: snapshotPaths, skipping: Set(tourFiles.map(DataSet.identity(of:))), progress: $0)
        }
        let tours = tourFiles.map { TourLoader.load(file: $0) }

        let problems = result.problems + result.sameAsOfWarnings() + tours.flatMap(\.problems)
        for p in problems where !(quiet && p.severity == .warning) { print(p.description) }
        // The problems (stdout) come before the summary (stderr) even when both go to one file:
        // fflush(nil) flushes every output stream.
        fflush(nil)

        let freshness = result.freshness()
        reportFallback(freshness, command: "adopt validate", allowFallback: fallback.allowFallback)
        if let current = result.current {
            printError(TextSafety.clean("current: \(current.file) (asOf \(current.asOf))"))
        } else if !result.files.isEmpty {
            printError("current: none (no valid snapshot)")
        }

        let errors = problems.filter { $0.severity == .error }
        let validTours = tours.filter { $0.tour != nil }.count
        let deployments = result.snapshots.reduce(0) { $0 + $1.deployments.count }
        let files = counted(result.files.count + tours.count, "file")
            + (tours.isEmpty ? "" : " (\(counted(tours.count, "tour")))")
        printError("\(files), \(result.snapshots.count + validTours) valid, \(counted(deployments, "deployment")); "
                   + "\(counted(errors.count, "error")), \(counted(problems.count - errors.count, "warning"))")

        // A feed that could not be read completely (index or a file) is an error of its own.
        let otherErrors = errors.contains { !freshness.isNewerBroken($0.file) } || !FeedRun.incomplete.isEmpty
        try finish(with: freshness.exitStatus(allowFallback: fallback.allowFallback, otherErrors: otherErrors))
    }

    private func isRegularFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}

/// `1 file`, `2 files`, `0 files`.
func counted(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
}
