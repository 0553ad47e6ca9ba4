import AdoptCore
import Foundation

/// Load time to a ready store, beside Foundation's `JSONDecoder` and `jq` on the same file.
///
/// Every run reads the file from the page cache (it was just written), so the figures compare
/// parsing and building, not the disk.
enum LoadBench {
    struct LoaderFigures {
        /// `SnapshotLoader.load(file:)`: read, parse, validate.
        var loadMs: Double
        /// `Store(snapshots:)`.
        var storeMs: Double
        var totalMs: Double { loadMs + storeMs }
    }

    /// Best of `runs` (by total); also returns the last run's store for the later stages.
    static func loader(file: String, runs: Int) -> (figures: LoaderFigures, store: Store, problems: [Problem]) {
        var best: LoaderFigures?
        var store: Store?
        var problems: [Problem] = []
        for _ in 0..<runs {
            store = nil   // let the previous run's memory go before the next
            let (result, loadMs) = timed { SnapshotLoader.load(file: file) }
            problems = result.problems
            let snapshots = result.snapshot.map { [$0] } ?? []
            let (built, storeMs) = timed { Store(snapshots: snapshots) }
            store = built
            let figures = LoaderFigures(loadMs: loadMs, storeMs: storeMs)
            if best.map({ figures.totalMs < $0.totalMs }) ?? true { best = figures }
        }
        return (best!, store!, problems)
    }

    /// Best of `runs` of `JSONDecoder` decoding the file into `PlainSnapshot`; nil if it fails.
    static func jsonDecoder(file: String, runs: Int, expecting deployments: Int) -> Double? {
        var best: Double?
        for _ in 0..<runs {
            let (count, ms) = timed { () -> Int? in
                guard let data = try? Data(contentsOf: URL(fileURLWithPath: file)),
                      let decoded = try? JSONDecoder().decode(PlainSnapshot.self, from: data) else { return nil }
                return decoded.deployments.count
            }
            guard count == deployments else { return nil }
            best = min(best ?? ms, ms)
        }
        return best
    }

    static let jqPath = "/usr/bin/jq"

    /// Best of `runs` of `jq length FILE`, launch to exit; nil when jq is not installed.
    static func jq(file: String, runs: Int) -> Double? {
        guard FileManager.default.isExecutableFile(atPath: jqPath) else { return nil }
        var best: Double?
        for _ in 0..<runs {
            guard let outcome = ChildProcess.run(jqPath, ["length", file], capture: true), outcome.status == 0 else { return nil }
            best = min(best ?? outcome.ms, outcome.ms)
        }
        return best
    }
}
