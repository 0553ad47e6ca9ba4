import AdoptCore
import AdoptOpsLog
import AdoptTerminal
import ArgumentParser
import Foundation

/// Loads the data for the dashboard, keeping the `DataSet` (problems and all) for
/// `runDashboard(data:paths:live:)`. Problems go to standard error as for every command;
/// when no file is valid the command stops with exit status 1 (and says so in `log`).
func loadDataSetOrExit(paths: [String], log: OpsLog? = nil) throws -> DataSet {
    let data = withStderrProgress(verb: "Loading") { DataSet.load(paths: paths, progress: $0) }
    for p in data.problems { printError(p.description) }
    guard !data.snapshots.isEmpty else {
        log?.loadFailed(paths: paths, problems: data.problems)
        printError("adopt: no valid snapshot in \(paths.joined(separator: " "))")
        throw ExitCode(1)
    }
    return data
}

/// Runs `work` with a progress line on stderr when stderr is a terminal (`StderrProgress`);
/// `work` gets nil otherwise and reports nothing.
func withStderrProgress<T>(verb: String, _ work: (LoadProgress?) throws -> T) rethrows -> T {
    let line = StderrProgress.onTerminal(verb: verb)
    defer { line?.stop() }
    return try work(line?.progress)
}

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// `--allow-fallback`, on `export`, `dump` and `validate`.
struct FallbackOptions: ParsableArguments {
    @Flag(name: .customLong("allow-fallback"),
          help: "Accept figures from an older snapshot when a newer file is broken: exit 0 (the warning is still printed).")
    var allowFallback = false
}

/// The exit statuses, for each command's --help and in the same words as the README.
func exitStatusHelp(validate: Bool) -> String {
    let one = validate
        ? "1 when any file has an error (a broken older file, a bad tour, a missing path)"
        : "1 when no snapshot is valid"
    let accepted = validate
        ? "--allow-fallback accepts that: the newer broken files then leave the status at 0 (or 1 for another file's error)"
        : "--allow-fallback accepts that and exits 0 (the warning is still printed)"
    return """
        Exit status: 0 success; \(one); 2 bad usage; 3 when the figures come from an older \
        snapshot because a newer file is broken (truncated, half-written, invalid), with a \
        line on stderr naming both files; \(accepted).
        """
}

/// Loads the data for `export` and `dump`: problems go to standard error, the command stops
/// with exit status 1 when no file is valid, and a newer broken file is named with the file
/// used instead. `status` is what the command exits with after printing its figures
/// (`.fallback` unless `allowFallback`).
func loadFiguresOrExit(paths: [String], command: String, allowFallback: Bool)
    throws -> (store: Store, path: String, status: Freshness.ExitStatus) {
    let data = try loadDataSetOrExit(paths: paths)
    let freshness = data.freshness()
    reportFallback(freshness, command: command, allowFallback: allowFallback)
    return (data.makeStore(), paths.joined(separator: " "),
            FeedRun.status(freshness.exitStatus(allowFallback: allowFallback), command: command, allowFallback: allowFallback))
}

/// The stderr lines for a fallback: which broken file, which file instead, and what the exit
/// status means.
func reportFallback(_ freshness: Freshness, command: String, allowFallback: Bool) {
    for line in freshness.messages(command: command) { printError(line) }
    if freshness.isFallback && !allowFallback {
        printError("\(command): exit status 3: the newest snapshot file is broken and an older one is used (--allow-fallback accepts this)")
    }
}

/// Ends a command with its status when it is not success.
func finish(with status: Freshness.ExitStatus) throws {
    if status != .success { throw ExitCode(status.rawValue) }
}
