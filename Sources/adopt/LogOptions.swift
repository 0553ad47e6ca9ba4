import AdoptCore
import AdoptOpsLog
import AdoptTerminal
import AdoptUI
import ArgumentParser

/// `--log FILE`: the dashboard's ops log (see `OpsLog` for what a line says).
struct LogOptions: ParsableArguments {
    @Option(name: .customLong("log"),
            help: ArgumentHelp("""
                Append to FILE one line, with an ISO 8601 timestamp, for every load, reload, problem \
                (FILE:LINE:COL), fallback to a last good version and acknowledged change (a). \
                Never shown on the screen. A FILE that cannot be opened stops adopt (exit 2).
                """, valueName: "FILE"))
    var path: String?

    /// The log, nil without `--log`. A file that cannot be opened stops adopt with exit
    /// status 2 and `adopt: cannot open log file PATH: REASON`, before the terminal starts.
    func openOrExit() throws -> OpsLog? {
        guard let path else { return nil }
        do {
            return try OpsLog.open(path: path)
        } catch {
            printError("adopt: \(error)")
            throw ExitCode(2)
        }
    }
}

extension OpsLog {
    /// How the dashboard ended, and the lines that could not be written (on stderr, now that
    /// the screen is back).
    func ended(_ outcome: Terminal.Outcome) {
        let why: String
        switch outcome {
        case .quit: why = "quit"
        case .signal(let signo): why = "signal \(signo)"
        case .hangup: why = "the terminal went away"
        }
        quit(status: outcome.exitStatus, why: why)
        if let file, case let (count, reason?) = file.writeFailures, count > 0 {
            printError("adopt: \(count) line\(count == 1 ? "" : "s") could not be written to the log \(file.path): \(reason)")
        }
    }
}

/// Notices `a` (acknowledge changes) from outside the App, which stays free of logging: the
/// changed regions only grow as updates arrive, and only `a` empties them, so a set that was
/// non-empty at one look and is empty at the next, with no update applied in between, was
/// acknowledged.
struct AcknowledgementWatch {
    private var seen: Set<RegionCode> = []

    /// After keys: logs an acknowledgement when the changed regions were emptied.
    mutating func look(at app: App, log: OpsLog?) {
        let now = app.live.changedRegions
        if !seen.isEmpty, now.isEmpty { log?.acknowledged(regions: seen) }
        seen = now
    }

    /// After an update: takes the regions as they are now, logging nothing.
    mutating func resync(with app: App) {
        seen = app.live.changedRegions
    }
}
