import AdoptCore
import AdoptLive
import AdoptOpsLog
import AdoptTerminal
import AdoptUI
import Foundation

/// Runs the interactive dashboard until the user quits or a signal arrives, and returns the
/// process exit status: 0 on `q` / Ctrl-C, 128+signo on SIGINT, SIGTERM or SIGHUP, 2 (with a
/// message on stderr, the screen untouched) when stdin/stdout is not a terminal or TERM is
/// unknown. The terminal is restored on every one of these paths.
///
/// The opened paths are watched while it runs: each refresh is loaded in the background and
/// swapped in between frames, in one step (see `LiveSession`).
///
/// - Parameters:
///   - initial: the state built from the startup load (`StartupLoad`, the newest valid file
///     alone: the first frame shows it); the reloader starts from it, so no file is read twice,
///     reads the older files in the background, and the files that were invalid are listed
///     under `!` at once.
///   - paths: the paths as opened (directories and files), to watch.
///   - log: `--log`: the load, each reload, `r`, `a` and the end are recorded there.
///   - hyperlinks: `--hyperlinks`: whether a record's URLs go out as OSC 8 links.
///   - syncOutput: `--sync-output`: whether each frame is one synchronized update.
///   - configure: called once on the App before the first frame (e.g. to start a tour).
///   - terminal: the terminal already open on the loading screen (`LoadingStart`); nil to open it.
///   - shownPath: what the title names as the data (a feed's URL rather than its cache); nil: `paths`.
///   - feeds: the poller of the feed URLs among the paths (their cache directories are in `paths`).
func runDashboard(initial: LiveState, paths: [String], live options: LiveOptions, log: OpsLog? = nil,
                  hyperlinks: HyperlinkMode = .auto, syncOutput: SyncOutputMode = .auto,
                  terminal: Terminal? = nil, shownPath: String? = nil, feeds: FeedPoller? = nil,
                  configure: (inout App) -> Void = { _ in }) -> Int32 {
    return runDashboard(initial: initial, dataPath: shownPath ?? paths.joined(separator: " "), paths: paths, options: options,
                        log: log, hyperlinks: hyperlinks, syncOutput: syncOutput, terminal: terminal,
                        feeds: feeds, configure: configure)
}

private func runDashboard(initial: LiveState, dataPath: String, paths: [String], options: LiveOptions,
                          log: OpsLog?, hyperlinks: HyperlinkMode, syncOutput: SyncOutputMode, terminal open: Terminal?,
                          feeds: FeedPoller?, configure: (inout App) -> Void) -> Int32 {
    log?.loaded(initial)
    let terminal: Terminal
    do {
        terminal = try open ?? Terminal(hyperlinks: hyperlinks, syncOutput: syncOutput)
    } catch {
        FileHandle.standardError.write(Data("adopt: \(error)\n".utf8))
        log?.quit(status: 2, why: "\(error)")
        return 2
    }
    let timeZone = TimeZone.current
    var app = App(store: initial.store, dataPath: dataPath)
    // No colour (NO_COLOR or a monochrome terminal): the map shades its tiles with characters.
    app.shading = terminal.colorDepth == .none
    app.setCommandPaths(paths == ShippedData.locate().map { [$0] } ? [] : paths)
    app.setStaleAfter(seconds: options.staleAfter?.seconds)
    app.setMaxSilence(seconds: options.maxSilence?.seconds)
    let waker = terminal.waker
    app.backgroundCounts = BackgroundCounts { waker.wakeUp() }
    app.tableFigures = TableFigures(background: { waker.wakeUp() })
    app.backgroundSearch = BackgroundSearch { waker.wakeUp() }
    app.historyLoads = HistoryLoads { waker.wakeUp() }
    let session = LiveSession(paths: paths, initial: initial, waker: terminal.waker, timeZone: timeZone, log: log)
    var first = LiveUpdate(initial, timeZone: timeZone)
    if let problem = session.start() {
        first.problems.append(problem)
        log?.problem(problem)
    }
    app.apply(live: first)
    configure(&app)
    // Feeds: each poll's problems join the `!` pane at once; new files reach the cache by
    // rename and the watcher reloads them like local ones.
    feeds?.start(initialProblems: FeedRun.problems, now: FeedRun.deferred) { problems in
        session.setFeedProblems(problems)
        waker.wakeUp()
    }
    app.setFeedStatus(feeds?.statusText)

    // The loop wakes for a key, a reloaded state (the waker), the next playback step, and
    // the next moment freshness changes on screen; idle, it sleeps in poll(2).
    var playbackAt: ContinuousClock.Instant?
    // `a` is seen in the App's state after keys: before an update is applied, and here.
    var acknowledgements = AcknowledgementWatch()
    acknowledgements.resync(with: app)
    // adopt-bench: the first frame drawn with every snapshot in the store.
    var historyMarked = false
    let outcome = terminal.run(&app, nextTick: { app in
        session.startHistory() // the first frame is drawn: history may use the cores now
        if !historyMarked, app.live.history == nil {
            historyMarked = true
            BenchProbe.mark(.historyLoaded)
        }
        acknowledgements.look(at: app, log: log)
        // `r`: an immediate tick passes the request on (keys alone do not call `tick`).
        if app.live.reloadRequested { return .now }
        if let step = app.tickInterval {
            if playbackAt == nil { playbackAt = .now + step }
        } else {
            playbackAt = nil
        }
        let freshness = app.nextLiveChange.map { next -> ContinuousClock.Instant in
            let now = WallTime(Date(), timeZone: timeZone)
            return .now + .seconds(max(0, next.seconds - now.seconds))
        }
        // A reload running: its progress is redrawn five times a second.
        let reloading: ContinuousClock.Instant? = session.reloadProgress != nil ? .now + .milliseconds(200) : nil
        return [playbackAt, freshness, reloading].compactMap { $0 }.min()
    }, tick: { app in
        acknowledgements.look(at: app, log: log)
        if let update = session.take() {
            app.apply(live: update)
            BenchProbe.mark(.reloadApplied)
        }
        app.setReloadProgress(session.reloadProgress)
        app.setFeedStatus(feeds?.statusText)
        app.takeHistoryLoads()
        acknowledgements.resync(with: app)
        if app.live.reloadRequested {
            log?.reloadRequested()
            session.reloadNow()
            app.reloadStarted()
        }
        app.setClock(WallTime(Date(), timeZone: timeZone))
        // A wake-up for a reload is not a playback step: step only when one is due.
        if let due = playbackAt, ContinuousClock.now >= due {
            playbackAt = nil
            app.tick()
        }
    })
    acknowledgements.look(at: app, log: log) // `a` then `q` in one burst
    feeds?.stop()
    session.stop()
    terminal.close()
    log?.ended(outcome)
    return outcome.exitStatus
}
