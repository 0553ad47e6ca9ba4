import AdoptCore
import AdoptFeed
import ArgumentParser
import Foundation

/// The root command. With no subcommand it runs the dashboard, so `adopt` and `adopt DIR` just work.
@main
struct Adopt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "A terminal dashboard of AI-model adoption across China's regions.",
        discussion: """
            With no PATH, adopt opens the shipped Data/ directory (found in the current directory \
            or beside the repository the binary was built in). PATH is a directory of snapshot \
            files (*.json) or snapshot files. See docs/FORMAT.md for the snapshot format.

            Ops: `adopt --log FILE [PATH...]` appends to FILE one timestamped line for every \
            load, reload, problem (FILE:LINE:COL), fallback to a last good version and \
            acknowledged change (`a`), never on the screen; a FILE that cannot be opened \
            stops adopt with exit status 2. The dashboard's options: adopt help dashboard.
            """,
        version: "0.1.0",
        subcommands: [Dashboard.self, Validate.self, Export.self, Dump.self, Generate.self, Publish.self],
        defaultSubcommand: Dashboard.self)

    /// Exit codes follow the `validate` contract: 2 for bad usage (ArgumentParser would use 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options shared by commands that read snapshots.
struct DataOptions: ParsableArguments {
    @Argument(help: "Snapshot directories or files, or feed URLs (https://host/path/; default: the shipped Data/).")
    var paths: [String] = []

    @OptionGroup var feed: FeedOptions

    /// The paths to read: as given, or the shipped data set. A feed URL is synced into its
    /// cache directory first (once; the dashboard keeps polling it), which stands in its place.
    /// `deferFeedSync` (the dashboard): a feed with cached data opens on it at once and is
    /// synced by the poller straight after, so a start without a network is not held up.
    func resolvedPaths(deferFeedSync: Bool = false) throws -> [String] {
        if !paths.isEmpty {
            return try paths.map {
                FeedURL.isFeed($0) ? FeedRun.syncForCommand(try feed.mirror(for: $0), deferIfCached: deferFeedSync) : $0
            }
        }
        if let shipped = ShippedData.locate() { return [shipped] }
        throw ValidationError("""
            no data to open: the shipped Data/ directory was not found here. Run adopt from the \
            repository (where Data/ is), or pass a directory of snapshots: adopt PATH
            """)
    }
}

/// Parses a `YYYY-MM-DD` option.
func parseDay(_ text: String, option: String) throws -> Day {
    guard let d = Day(text) else { throw ValidationError("\(option) must be a date YYYY-MM-DD, got \"\(text)\"") }
    return d
}

/// Parses and checks one region given by code or name (`RegionQuery`): as `--region`.
func parseRegion(_ text: String) throws -> RegionCode {
    do { return try RegionQuery.resolve(text, in: .shared) } catch { throw ValidationError(error.message) }
}
