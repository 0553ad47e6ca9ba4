import AdoptCore
import AdoptUI
import ArgumentParser

extension DashboardView: ExpressibleByArgument {}

/// `adopt [PATH...]`: the interactive dashboard (the default command).
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The interactive dashboard (the default: `adopt` alone runs it on the shipped Data/).")

    @OptionGroup var data: DataOptions
    @OptionGroup var live: LiveOptions
    @OptionGroup var ops: LogOptions

    @Option(help: ArgumentHelp("""
        A tour to present: a JSON file of steps (date, region, caption) walked with the \
        arrow keys or played with Space; it opens in presentation mode. See docs/FORMAT.md, \
        "Tours", and Data/tours/.
        """, valueName: "FILE"))
    var tour: String?

    @Option(help: "What the left pane opens on: map, table or breakdown (b switches to and from it).")
    var view: DashboardView?

    func run() throws {
        // A log file or a tour file that cannot be used stops adopt before the data is read
        // and before the terminal starts.
        let log = try ops.openOrExit()
        let tour = try self.tour.map(loadTourOrExit)
        let paths = try data.resolvedPaths()
        log?.started(paths: paths, version: Adopt.configuration.version)
        // No valid snapshot yet is not an error for the dashboard: it waits and keeps
        // watching (the command-line tools still fail fast).
        let loaded = DataSet.load(paths: paths)
        for p in loaded.problems { printError(p.description) }
        if loaded.snapshots.isEmpty { log?.loadFailed(paths: paths, problems: loaded.problems) }
        throw ExitCode(runDashboard(data: loaded, paths: paths, live: live, log: log,
                                    configure: { app in
                                        if let view { app.show(view) }
                                        if let tour { app.startTour(tour) }
                                    }))
    }
}
