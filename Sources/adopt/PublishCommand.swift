import AdoptCore
import AdoptFeed
import ArgumentParser
import Foundation

/// `adopt publish DIR`: makes DIR a feed that any static web server can serve.
struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Validate a snapshot directory and write its feed index, DIR/index.json.",
        discussion: """
            Every snapshot (*.json) in DIR and every tour in DIR/tours/ is validated; the valid \
            ones are listed in DIR/index.json with their asOf, size and SHA-256, written \
            atomically (a temp file, then a rename). Copy DIR to any static web server (nginx, \
            an object store, a CDN) and `adopt https://host/path/` reads it. See docs/FORMAT.md, \
            "Feeds".

            Exit status: 0 published; 1 when the newest snapshot (by asOf) is invalid, named on \
            stderr (the index still lists the valid files, so readers keep the last good state), \
            or DIR has no valid snapshot (no index written); 2 bad usage.
            """)

    @Argument(help: "The directory of snapshot files to publish.")
    var directory: String

    @Flag(name: .shortAndLong, help: "Print only errors and the summary, not warnings.")
    var quiet = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(directory) is not a directory")
        }
        let outcome = withStderrProgress(verb: "Checking") { FeedPublisher.index(directory: directory, progress: $0) }
        for p in outcome.problems where !(quiet && p.severity == .warning) { print(p.description) }
        fflush(nil)
        guard !outcome.index.snapshots.isEmpty else {
            printError("adopt publish: no valid snapshot in \(directory); index.json not written")
            throw ExitCode(1)
        }
        do {
            try FeedPublisher.write(outcome.index, directory: directory)
        } catch {
            printError("adopt publish: cannot write \((directory as NSString).appendingPathComponent("index.json")): \(error)")
            throw ExitCode(1)
        }
        let newest = outcome.index.snapshots.max { ($0.asOf ?? "", $0.file) < ($1.asOf ?? "", $1.file) }
        printError("adopt publish: \((directory as NSString).appendingPathComponent("index.json")): "
                   + "\(outcome.index.snapshots.count) snapshot\(outcome.index.snapshots.count == 1 ? "" : "s"), "
                   + "\(outcome.index.tours.count) tour\(outcome.index.tours.count == 1 ? "" : "s")"
                   + (newest.map { "; newest \($0.file) (asOf \($0.asOf ?? "?"))" } ?? "")
                   + (outcome.skipped.isEmpty ? "" : "; left out (invalid): \(outcome.skipped.count)"))
        if let broken = outcome.invalidNewest {
            printError("adopt publish: the newest snapshot \(broken) is invalid; readers stay on \(newest?.file ?? "the last good file")")
            throw ExitCode(1)
        }
    }
}
