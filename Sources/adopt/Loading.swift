import AdoptCore
import AdoptOpsLog
import ArgumentParser
import Foundation

/// Loads the data for the dashboard, keeping the `DataSet` (problems and all) for
/// `runDashboard(data:paths:live:)`. Problems go to standard error as for every command;
/// when no file is valid the command stops with exit status 1 (and says so in `log`).
func loadDataSetOrExit(paths: [String], log: OpsLog? = nil) throws -> DataSet {
    let data = DataSet.load(paths: paths)
    for p in data.problems { printError(p.description) }
    guard !data.snapshots.isEmpty else {
        log?.loadFailed(paths: paths, problems: data.problems)
        printError("adopt: no valid snapshot in \(paths.joined(separator: " "))")
        throw ExitCode(1)
    }
    return data
}

/// Loads the data for commands that need a store. Problems go to standard error as
/// `FILE:LINE:COL: error: ...`; when no file is valid the command stops with exit status 1.
func loadStoreOrExit(paths: [String]) throws -> (store: Store, path: String) {
    (try loadDataSetOrExit(paths: paths).makeStore(), paths.joined(separator: " "))
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
