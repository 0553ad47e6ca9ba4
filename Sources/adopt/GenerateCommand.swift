import AdoptCore
import ArgumentParser
import Foundation

/// `adopt generate`: synthetic snapshot files for scale tests, never committed.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write synthetic snapshot files (marked synthetic: true) for scale tests.",
        discussion: """
            The files are valid snapshots spread over every county-level region, the dates from \
            2025-01-20 to --as-of, the sectors, statuses, models and use cases, and are the same \
            byte for byte for the same options. With --snapshots K, K files a week apart (or \
            --days-apart N: 1 for a daily pipeline's) are written, each keeping the earlier \
            one's deployments, adding new ones and changing or withdrawing a few; the last has --deployments deployments. adopt shows such data as \
            SYNTHETIC.
            """)

    @Option(help: "Deployments in the last snapshot.")
    var deployments: Int

    @Option(help: "Number of snapshot files, a week apart (see --days-apart).")
    var snapshots: Int = 1

    @Option(name: .customLong("days-apart"), help: "Days between one snapshot's asOf and the next (7: weekly, 1: daily).")
    var daysApart: Int = SyntheticGenerator.daysBetweenSnapshots

    @Option(help: "Seed for the generator: the same seed gives the same files.")
    var seed: UInt64 = 1

    @Option(name: .customLong("as-of"), help: "The last snapshot's asOf (YYYY-MM-DD).")
    var asOf: String = SyntheticGenerator.defaultAsOf.description

    @Option(help: "Directory to write into (created if missing).")
    var out: String

    func validate() throws {
        _ = try plan()
    }

    func run() throws {
        let generator = try plan()
        let start = DispatchTime.now().uptimeNanoseconds
        let paths: [String]
        do {
            paths = try withStderrProgress(verb: "Writing") { try generator.write(to: out, progress: $0) }
        } catch {
            printError("adopt generate: \(error)")
            throw ExitCode(1)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var bytes = 0
        for path in paths {
            let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            bytes += size
            print(path)
        }
        printError(String(format: "SYNTHETIC: %d files, %d deployments in the last, %.1f MB in %.2f s (seed %llu)",
                          paths.count, deployments, Double(bytes) / 1e6, seconds, seed))
    }

    private func plan() throws -> SyntheticGenerator {
        let day = try parseDay(asOf, option: "--as-of")
        do {
            return try SyntheticGenerator(deployments: deployments, snapshots: snapshots, seed: seed, asOf: day,
                                          daysApart: daysApart)
        } catch {
            throw ValidationError(error.description)
        }
    }
}
