import AdoptCore
import AdoptLive
import Foundation
import Logging

/// What `adopt --log FILE` records for ops staff: one line per event, through swift-log, so a
/// wall display's history can be read after the fact (`tail -f`, grep, a log shipper):
///
///     …+08:00 info start: adopt 0.1.0 on Data pid=4121
///     …+08:00 info load: 4 files, 4 snapshots, 0 problems; current Data/2025-06-01.json (asOf 2025-06-01) generation=1
///     …+08:00 info reload: 5 files, 4 snapshots, 1 problem, 0 regions changed; current … generation=2
///     …+08:00 error problem: Data/2025-06-02.json:0:0: error: the file ends before the document does
///     …+08:00 warning fallback: showing the last good version of Data/2025-06-02.json (asOf …, loaded …)
///     …+08:00 info acknowledge: 2 changed regions seen regions=110000,510000
///     …+08:00 info quit: exit status 0
///
/// The first word (before the colon) names the event: `start`, `load`, `reload`,
/// `reload requested`, `problem`, `fallback`, `acknowledge`, `quit`. Problems are in the form
/// compilers use (`FILE:LINE:COL: severity: message`) at the level of their severity.
///
/// Only the `adopt` executable makes one; the pure modules know nothing of it.
public struct OpsLog: Sendable {
    public var logger: Logger
    /// The file written to, when opened by `open(path:)`.
    public let file: LogFile?
    private let timeZone: TimeZone

    public init(logger: Logger, file: LogFile? = nil, timeZone: TimeZone = .current) {
        self.logger = logger
        self.file = file
        self.timeZone = timeZone
    }

    /// Opens `path` for appending and logs to it.
    ///
    /// - Throws: `LogFile.OpenError` (the path and the reason) when it cannot be opened.
    public static func open(path: String, timeZone: TimeZone = .current,
                            clock: @escaping @Sendable () -> Date = { Date() }) throws -> OpsLog {
        let file = try LogFile(appendingTo: path)
        let logger = Logger(label: "adopt") { label in
            FileLogHandler(label: label, file: file, timeZone: timeZone, clock: clock)
        }
        return OpsLog(logger: logger, file: file, timeZone: timeZone)
    }

    // MARK: Events

    /// The dashboard starts on `paths`.
    public func started(paths: [String], version: String) {
        logger.info("start: adopt \(version) on \(paths.joined(separator: " "))",
                    metadata: ["pid": "\(getpid())"])
    }

    /// The startup load, already on screen: a summary, then each problem.
    public func loaded(_ state: LiveState) {
        let history = state.history.map { "; \(plural($0.total, "older file")) to read in the background" } ?? ""
        logger.info("load: \(summary(state))\(history)", metadata: ["generation": "\(state.generation)"])
        details(state)
    }

    /// A state that took in older files read in the background: logged once, when the last
    /// is in, with the figures of the whole data set and every problem.
    public func historyRead(_ state: LiveState) {
        guard state.history == nil else { return }
        logger.info("history: \(summary(state))", metadata: ["generation": "\(state.generation)"])
        details(state)
    }

    /// The startup load found no valid snapshot (the dashboard does not start).
    public func loadFailed(paths: [String], problems: [Problem]) {
        logger.error("load: no valid snapshot in \(paths.joined(separator: " "))")
        for p in problems { problem(p) }
    }

    /// A state from the reloader (a watched file changed, or `r`): a summary, then each
    /// problem, then each file shown from its last good version.
    public func reloaded(_ state: LiveState) {
        let changed = state.changedRegions.subtracting([.country]).count
        logger.info("reload: \(summary(state, changed: changed))", metadata: ["generation": "\(state.generation)"])
        details(state)
    }

    /// `r` was pressed: every file is read again.
    public func reloadRequested() {
        logger.info("reload requested: r pressed, reading every file again")
    }

    /// `a`: the changed regions shown were acknowledged (`regions` as the App held them;
    /// the country is not counted, as on screen). The first 50 codes are listed.
    public func acknowledged(regions: Set<RegionCode>) {
        let codes = regions.subtracting([.country]).sorted()
        var metadata: Logger.Metadata = [:]
        if !codes.isEmpty { metadata["regions"] = "\(codes.prefix(50).map(\.description).joined(separator: ","))" }
        if codes.count > 50 { metadata["unlisted"] = "\(codes.count - 50)" }
        logger.info("acknowledge: \(plural(codes.count, "changed region")) seen", metadata: metadata)
    }

    /// One problem, at the level of its severity.
    public func problem(_ p: Problem) {
        let message: Logger.Message = "problem: \(p.description)"
        switch p.severity {
        case .error: logger.error(message)
        case .warning: logger.warning(message)
        }
    }

    /// The dashboard ends with `status` (`why`: quit, a signal, the terminal gone).
    public func quit(status: Int32, why: String) {
        logger.info("quit: \(why), exit status \(status)")
    }

    // MARK: Helpers

    private func details(_ state: LiveState) {
        for p in state.problems { problem(p) }
        for file in state.staleFiles {
            guard let shown = state.snapshotsByFile[file] else { continue }
            let since = state.goodSince[file].map { ", loaded \(FileLogHandler.timestamp($0, timeZone: timeZone))" } ?? ""
            logger.warning("fallback: showing the last good version of \(file) (asOf \(shown.asOf)\(since))")
        }
    }

    private func summary(_ state: LiveState, changed: Int? = nil) -> String {
        var parts = [plural(state.files.count, "file"), plural(state.snapshotsByFile.count, "snapshot"),
                     plural(state.problems.count, "problem")]
        let errors = state.problems.filter { $0.severity == .error }.count
        if errors > 0, errors < state.problems.count { parts[2] += " (\(plural(errors, "error")))" }
        if let changed { parts.append("\(plural(changed, "region")) changed") }
        let current = state.isEmpty
            ? "no valid snapshot"
            : "current \(state.store.current.file) (asOf \(state.store.current.asOf))"
        return parts.joined(separator: ", ") + "; " + current
    }
}

func plural(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
