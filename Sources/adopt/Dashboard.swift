import AdoptCore
import AdoptFeed
import AdoptLive
import Foundation
import AdoptTerminal
import AdoptUI
import ArgumentParser

extension DashboardView: ExpressibleByArgument {}
extension HyperlinkMode: ExpressibleByArgument {}
extension SyncOutputMode: ExpressibleByArgument {}

/// `adopt [PATH...]`: the interactive dashboard (the default command).
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The interactive dashboard (the default: `adopt` alone runs it on the shipped Data/).",
        discussion: """
            It opens at --region (a code or a name: adopt --region guangdong, adopt --region 深圳), \
            at --date (or --known-by) and under --filter (the facets of `f`: \
            --filter sector=government,model=DeepSeek), the same options as `adopt dump` and \
            `adopt export`, so a view can be named, reopened and exported. A date outside the \
            data opens at the nearest end of it.
            """)

    @OptionGroup var data: DataOptions
    @OptionGroup var live: LiveOptions
    @OptionGroup var ops: LogOptions
    /// Where it opens: --region, --date / --known-by, --filter (as `dump` and `export`).
    @OptionGroup var options: ViewOptions
    /// --labels: the names on the map's tiles.
    @OptionGroup var labels: LabelOptions
    // --view (map|table|breakdown), the pane to open on, belongs here, applied in `configure`
    // after the view options.

    @Option(help: ArgumentHelp("""
        A tour to present: a JSON file of steps (date, region, caption) walked with the \
        arrow keys or played with Space; it opens in presentation mode. See docs/FORMAT.md, \
        "Tours", and Data/tours/.
        """, valueName: "FILE"))
    var tour: String?

    @Option(help: "What the left pane opens on: map, table or breakdown (b switches to and from it).")
    var view: DashboardView?

    @Option(help: ArgumentHelp("""
        Make a record's URLs clickable with OSC 8 hyperlinks: auto (the default) for \
        terminals known to show them (iTerm2, WezTerm, kitty, foot, Alacritty, Ghostty, \
        VS Code, Windows Terminal, VTE 0.50+ such as GNOME Terminal, Konsole 20.12+, tmux \
        3.4+; not tmux 3.3, GNU screen or unknown terminals), always, or never.
        """, valueName: "when"))
    var hyperlinks: HyperlinkMode = .auto

    @Option(name: .customLong("sync-output"), help: ArgumentHelp("""
        Send each frame as one synchronized update (DEC mode 2026), so a slow link never \
        shows half a frame: auto (the default) for terminals known to honour it (kitty, foot, \
        WezTerm, Ghostty, iTerm2, Alacritty, contour, mintty, Windows Terminal; not inside \
        tmux or GNU screen), always, or never.
        """, valueName: "when"))
    var syncOutput: SyncOutputMode = .auto

    func run() throws {
        // A log file or a tour file that cannot be used stops adopt before the data is read
        // and before the terminal starts.
        let log = try ops.openOrExit()
        // `--tour NAME` with a feed and no such local file: the feed's tour of that name
        // (`tours/` of its cache), read once the feed is synced.
        let tourFromFeed = self.tour.map { !FileManager.default.fileExists(atPath: $0) && data.paths.contains(where: FeedURL.isFeed) } ?? false
        var tour = tourFromFeed ? nil : try self.tour.map(loadTourOrExit)
        _ = try options.singleRegion(command: "adopt")
        let pollSeconds = try data.feed.pollSeconds()
        let paths = try data.resolvedPaths(deferFeedSync: !tourFromFeed)
        if tourFromFeed, let name = self.tour { tour = try loadTourOrExit(FeedRun.tourPath(name)) }
        log?.started(paths: paths, version: Adopt.configuration.version)
        // No valid snapshot yet is not an error for the dashboard: it waits and keeps
        // watching (the command-line tools still fail fast).
        // The newest valid file alone; the older ones load in the background (history). The
        // load runs in the background from the start: a quick one starts as if read first; a
        // longer one shows its progress on screen and answers `q` meanwhile.
        let load = BackgroundLoad { progress in
            let startup = StartupLoad.load(paths: paths, progress: progress)
            return (startup: startup, state: ReloadDecision.startingFrom(startup, at: Date()))
        }
        let hyperlinks = self.hyperlinks, syncOutput = self.syncOutput
        let started = LoadingStart.run(load, dataPath: paths.joined(separator: " ")) {
            try Terminal(hyperlinks: hyperlinks, syncOutput: syncOutput)
        }
        let (loaded, initial, terminal): (StartupLoad, LiveState, Terminal?)
        switch started {
        case .quick(let value): (loaded, initial, terminal) = (value.startup, value.state, nil)
        case .loaded(let value, let open): (loaded, initial, terminal) = (value.startup, value.state, open)
        case .ended(let outcome):
            log?.ended(outcome)
            throw ExitCode(outcome.exitStatus)
        }
        var notes = loaded.problems.map(\.description)
        if loaded.newest == nil { log?.loadFailed(paths: paths, problems: loaded.problems) }
        // Warnings go out before the terminal starts; the date is clamped on screen.
        if let newest = loaded.newest {
            let table = newest.deployments
            notes += ViewOptions.unknownValueWarnings(try options.filter(), models: table.modelNames.names,
                                                      useCases: table.useCaseNames.names, command: "adopt")
        }
        // After a loading screen they are under `!` meanwhile, and on stderr once it closes.
        if terminal == nil { notes.forEach(printError) }
        let options = self.options, labels = self.labels, tourToStart = tour
        let feeds = FeedRun.mirrors.isEmpty ? nil : FeedPoller(mirrors: FeedRun.mirrors, interval: pollSeconds)
        let shown = data.paths.isEmpty ? nil : data.paths.map(FeedURL.redact).joined(separator: " ")
        let status = runDashboard(initial: initial, paths: paths, live: live, log: log, hyperlinks: hyperlinks,
                                  syncOutput: syncOutput, terminal: terminal, shownPath: shown, feeds: feeds, configure: { app in
                                      _ = try? options.apply(to: &app, command: "adopt")
                                      labels.apply(to: &app)
                                      if let view { app.show(view) }
                                      if let tour = tourToStart { app.startTour(tour) }
                                  })
        if terminal != nil { notes.forEach(printError) }
        throw ExitCode(status)
    }
}
