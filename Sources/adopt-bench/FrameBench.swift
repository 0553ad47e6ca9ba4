import AdoptCore
import AdoptUI
import Foundation

/// Time from a key press to a finished frame: `App.handle(key)` plus `App.render` into the
/// cell grid at 200x60, for the four things users do most.
///
/// The key sequences follow the app's bindings (AdoptUI/App/App+Keys.swift); each action is
/// set up by a few untimed keys so that every timed key does real work, e.g. Enter in the
/// drill-down opens a level and Esc closes it again.
enum FrameBench {
    static let width = 200
    static let height = 60

    /// One action: untimed keys to get there, the keys timed (cycled), untimed keys to leave.
    struct Action: Sendable {
        let name: String
        let setup: [Key]
        let cycle: [Key]
        let teardown: [Key]
        let note: String
        /// Positions in `cycle` pressed but not timed (moves between the timed keys).
        var untimed: Set<Int> = []
        /// Counted in the "key press to frame < 5 ms" target. Every action is now: search too,
        /// since its scan of every deployment runs in the background above 50,000 rows
        /// (`BackgroundSearch`) and the frame no longer waits for it.
        var navigation = true
        /// Untimed state the keys cannot reach quickly (pins), before `setup`.
        var configure: (@Sendable (inout App) -> Void)? = nil
    }

    /// Pins `count` provinces other than the selected one (the selected one last if
    /// `includingSelected`), as six presses of `/`, a name and `P` would.
    static func pinProvinces(_ app: inout App, others count: Int, includingSelected: Bool) {
        let selected = app.selectedProvince
        var codes = Array(app.store.gazetteer.provinces.map(\.code).filter { $0 != selected }.prefix(count))
        if includingSelected { codes.append(selected) }
        app.setPins(codes)
    }

    /// In the open filter menu, on the first of three items: ticks them one by one and unticks
    /// them again, so the six filters it goes through outnumber the store's memo of facet
    /// counts (4) and every timed toggle counts afresh. Only the toggles are timed.
    static let toggleThree: [Key] = [.character(" "), .down, .character(" "), .down, .character(" "), .up, .up,
                                     .character(" "), .down, .character(" "), .down, .character(" "), .up, .up]
    static let toggleMoves: Set<Int> = Set(toggleThree.indices.filter { toggleThree[$0] != .character(" ") })

    static let actions: [Action] = [
        Action(name: "move cursor", setup: [], cycle: [.right, .down, .left, .up], teardown: [],
               note: "arrows on the map: selects another province"),
        Action(name: "step date", setup: [], cycle: [.character("["), .character("]")], teardown: [],
               note: "[ and ]: one day back, one forward"),
        Action(name: "apply filter", setup: [.character("f"), .down], cycle: [.character(" ")], teardown: [.escape],
               note: "f, then Space toggles sector=government on and off"),
        Action(name: "drill down", setup: [.enter], cycle: [.enter, .escape], teardown: [.escape],
               note: "in the drill-down: Enter opens the selected region, Esc goes back"),
        // Issue 11: the breakdown and the filter menu's counts. Each leaves the app as it was.
        Action(name: "breakdown keys", setup: [.character("b")], cycle: [.down, .down, .up, .up],
               teardown: [.character("b")], note: "b, then arrows between bars (facet counts cached)"),
        Action(name: "breakdown date", setup: [.character("b")], cycle: [.character("[")],
               teardown: [.tab, .tab, .end, .tab, .character("b")],
               note: "b, then [ a day back each press: the facet counts of a new date every frame"),
        Action(name: "menu toggle", setup: [.character("f"), .down, .down, .down], cycle: toggleThree,
               teardown: [.escape], note: "f, Space on three sectors in turn: counts for the province recomputed",
               untimed: toggleMoves),
        Action(name: "menu toggle (country)", setup: [.escape, .character("f"), .down, .down, .down],
               cycle: toggleThree, teardown: [.escape],
               note: "the same with the whole country selected: counts over every deployment",
               untimed: toggleMoves),
        Action(name: "search", setup: [.character("/")] + "china dail".map { Key.character($0) },
               cycle: [.character("y"), .backspace], teardown: [.escape],
               note: "/ china dail, then y and Backspace: each key queues a scan of every deployment (in the background above 50k rows; no match: the whole scan), the frame shows the last matches, \"searching…\""),
        // Issue 12: the province table's added columns (a tally that follows the date).
        Action(name: "table: step date", setup: [.character("m")], cycle: [.character("["), .character("]")],
               teardown: [.character("m")], note: "m, then [ and ]: the table's added columns follow the date"),
        Action(name: "table: apply filter", setup: [.character("m"), .character("f"), .down], cycle: [.character(" ")],
               teardown: [.escape, .character("m")],
               note: "m, f, then Space toggles sector=government: the added columns under each filter"),
        Action(name: "table zoomed: step date", setup: [.character("m"), .character("z")],
               cycle: [.character("["), .character("]")], teardown: [.character("z"), .character("m")],
               note: "m, z, then [ and ]: every added column, at 200 columns"),
        Action(name: "compare 6: step date", setup: [], cycle: [.character("["), .character("]")],
               teardown: [.character("U")],
               note: "[ and ] with 6 provinces pinned: the comparison chart cut at the new date",
               configure: { pinProvinces(&$0, others: 5, includingSelected: true) }),
        Action(name: "compare 6: pin", setup: [], cycle: [.character("P")], teardown: [.character("U")],
               note: "P pins and unpins a sixth province beside 5 pinned: the series counted again",
               configure: { pinProvinces(&$0, others: 5, includingSelected: false) }),
        // Issue 12: playback captions what each day added and marks its provinces. Both start
        // 18 weeks before the snapshot's date (late February in `adopt generate`'s data, its
        // busiest weeks), as Space at the end of the range would start again from the beginning.
        Action(name: "present: step date", setup: Array(repeating: .character("{"), count: 18) + [.character("p")],
               cycle: [.character("["), .character("]")], teardown: [.character("p")],
               note: "18 weeks back, p, then [ and ]: presentation mode's frame, no playback line"),
        Action(name: "playback step",
               setup: Array(repeating: .character("{"), count: 18) + [.character("p"), .character(" "), .character(" ")],
               cycle: [.character("["), .character("]")], teardown: [.character("p")],
               note: "the same after Space twice (playback used, paused): each press counts a day as a played day does (what it added, the places, the marks)"),
    ]

    /// A fresh app at 200x60 on `store`, with the time its construction and first frame took.
    static func makeApp(store: Store, path: String) -> (app: App, initMs: Double, firstFrameMs: Double) {
        let (made, initMs) = timed { () -> App in
            var app = App(store: store, dataPath: path)
            // As the dashboard does: a pass over many rows (a new filter's counts) runs in
            // the background and the frame says "counting…" (`AnalysisBench` times the pass).
            app.backgroundCounts = BackgroundCounts {}
            // and a `/` keystroke over many rows searches in the background ("searching…").
            app.backgroundSearch = BackgroundSearch {}
            // and the province table's added columns are counted in the background too.
            app.tableFigures = TableFigures(background: {})
            _ = app.handle(.resize(width: width, height: height))
            return app
        }
        let (grid, frameMs) = timed { made.render(width: width, height: height) }
        withExtendedLifetime(grid) {}
        return (made, initMs, frameMs)
    }

    /// Times `iterations` presses of the action's keys (fewer if `budgetSeconds` runs out,
    /// never fewer than `minimum`).
    static func run(_ action: Action, on app: inout App, iterations: Int, budgetSeconds: Double,
                    minimum: Int) -> Samples {
        action.configure?(&app)
        for key in action.setup { press(key, on: &app) }
        var samples = Samples()
        let start = Clock.now()
        var k = 0
        while k < iterations {
            let ms = press(action.cycle[k % action.cycle.count], on: &app)
            if !action.untimed.contains(k % action.cycle.count) { samples.add(ms) }
            k += 1
            if k >= minimum && k % action.cycle.count == 0 && Clock.milliseconds(since: start) > budgetSeconds * 1000 { break }
        }
        for key in action.teardown { press(key, on: &app) }
        return samples
    }

    /// One key press to a finished frame, in milliseconds.
    @discardableResult
    static func press(_ key: Key, on app: inout App) -> Double {
        let start = Clock.now()
        _ = app.handle(key)
        let grid = app.render(width: width, height: height)
        let ms = Clock.milliseconds(since: start)
        withExtendedLifetime(grid) {}
        return ms
    }

    /// The `--child-keys` mode: one action on one file, for a profiler.
    static func runChild(file: String, actionName: String, presses: Int) -> Int32 {
        guard let action = actions.first(where: { $0.name == actionName }) else {
            FileHandle.standardError.write(Data("adopt-bench: no action \"\(actionName)\"; one of: \(actions.map(\.name).joined(separator: ", "))\n".utf8))
            return 2
        }
        guard let snapshot = SnapshotLoader.load(file: file).snapshot else {
            FileHandle.standardError.write(Data("adopt-bench: \(file) did not load\n".utf8))
            return 1
        }
        var app = makeApp(store: Store(snapshots: [snapshot]), path: file).app
        let samples = run(action, on: &app, iterations: presses, budgetSeconds: .infinity, minimum: presses)
        print("\(action.name): median \(Format.ms(samples.median)) ms, p99 \(Format.ms(samples.p99)) ms (\(samples.count) presses)")
        return 0
    }
}
