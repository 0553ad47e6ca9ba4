import AdoptCore
import ArgumentParser

/// `adopt [PATH...]`: the interactive dashboard (the default command).
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The interactive dashboard (the default: `adopt` alone runs it on the shipped Data/).")

    @OptionGroup var data: DataOptions
    @OptionGroup var live: LiveOptions

    @Option(help: ArgumentHelp("""
        A tour to present: a JSON file of steps (date, region, caption) walked with the \
        arrow keys or played with Space; it opens in presentation mode. See docs/FORMAT.md, \
        "Tours", and Data/tours/.
        """, valueName: "FILE"))
    var tour: String?

    func run() throws {
        // A bad tour file stops adopt before the data is read and before the terminal starts.
        let tour = try self.tour.map(loadTourOrExit)
        let paths = try data.resolvedPaths()
        // No valid snapshot yet is not an error for the dashboard: it waits and keeps
        // watching (the command-line tools still fail fast).
        let loaded = DataSet.load(paths: paths)
        for p in loaded.problems { printError(p.description) }
        throw ExitCode(runDashboard(data: loaded, paths: paths, live: live,
                                    configure: { app in if let tour { app.startTour(tour) } }))
    }
}
