import AdoptCore
import ArgumentParser
import Foundation

/// `adopt validate`: checks snapshot files and prints one line per problem.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check snapshot files; print FILE:LINE:COL: error: MESSAGE for each problem.",
        discussion: "Exit status: 0 when every file is valid (warnings allowed), 1 when any file has an error, 2 on bad usage.")

    @OptionGroup var data: DataOptions

    @Flag(name: .shortAndLong, help: "Print only errors and the summary, not warnings.")
    var quiet = false

    func run() throws {
        let result = DataSet.load(paths: try data.resolvedPaths())
        for p in result.problems where !(quiet && p.severity == .warning) { print(p.description) }
        // The problems (stdout) come before the summary (stderr) even when both go to one file:
        // fflush(nil) flushes every output stream.
        fflush(nil)
        let errors = result.problems.filter { $0.severity == .error }.count
        let warnings = result.problems.count - errors
        let deployments = result.snapshots.reduce(0) { $0 + $1.deployments.count }
        printError("\(result.files.count) files, \(result.snapshots.count) valid, \(deployments) deployments; \(errors) errors, \(warnings) warnings")
        if result.hasErrors { throw ExitCode(1) }
    }
}
