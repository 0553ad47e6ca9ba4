import AdoptCore
@testable import AdoptUI
import Foundation
import XCTest

/// In the dashboard a `/` keystroke over many rows searches in the background: the overlay
/// keeps the previous matches under "searching…", Enter waits, and the matches show once the
/// search has woken the loop. A row limit of 0 makes `SearchTests.store` (3 rows) "many".
final class BackgroundSearchTests: XCTestCase {
    /// How many times the search woke the loop.
    private final class Wakes: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        var count: Int { lock.lock(); defer { lock.unlock() }; return n }
        func add() { lock.lock(); n += 1; lock.unlock() }
    }

    private let width = 140, height = 30

    private func state(_ app: App) -> SearchState? {
        if case .search(let s)? = app.overlay { return s }
        return nil
    }

    /// Renders until the title no longer says "searching…" (the newest search has finished).
    private func renderUntilFound(_ app: App) -> String {
        var screen = app.render(width: width, height: height).text
        for _ in 0..<200 where screen.contains("searching…") {
            Thread.sleep(forTimeInterval: 0.05)
            screen = app.render(width: width, height: height).text
        }
        return screen
    }

    func testSearchingMeanwhileThenTheMatchesAfterTheWake() {
        var app = App(store: SearchTests.store, dataPath: "search.json", width: width, height: height)
        let wakes = Wakes()
        let search = BackgroundSearch(rowLimit: 0) { wakes.add() }
        app.backgroundSearch = search
        app.handle(.character("/"))
        search.queue.suspend()
        app.type("unicom")
        let waiting = app.render(width: width, height: height).text
        XCTAssertTrue(waiting.contains("Search · searching… · Esc cancels"), waiting)
        XCTAssertFalse(waiting.contains("China Unicom Guangzhou Branch"), waiting)
        XCTAssertEqual(state(app)?.isSearching, true)
        search.queue.resume()
        let found = renderUntilFound(app)
        XCTAssertGreaterThanOrEqual(wakes.count, 1)
        XCTAssertTrue(found.contains("Search · Enter goes there · Esc cancels"), found)
        XCTAssertTrue(found.contains("China Unicom Guangzhou Branch"), found)
        // The same matches as without the background.
        var direct = App(store: SearchTests.store, dataPath: "search.json", width: width, height: height)
        direct.handle(.character("/"))
        direct.type("unicom")
        XCTAssertEqual(found, direct.render(width: width, height: height).text)
    }

    /// Enter and the arrows act on the list on screen: while the query's matches are searched
    /// (and until a frame has drawn them) Enter does nothing; then it opens the first drawn.
    func testEnterActsOnWhatIsShown() {
        var app = App(store: SearchTests.store, dataPath: "search.json", width: width, height: height)
        let wakes = Wakes()
        let search = BackgroundSearch(rowLimit: 0) { wakes.add() }
        app.backgroundSearch = search
        app.handle(.character("/"))
        app.type("xian")
        _ = renderUntilFound(app)
        app.handle(.down)                                   // adopts the drawn matches, then moves
        XCTAssertEqual(state(app)?.isSearching, false)
        XCTAssertEqual(state(app)?.selection, 1)
        let before = wakes.count

        // "xiang": not searched yet. The screen keeps xian's matches, dimmed, and Enter waits.
        search.queue.suspend()
        app.handle(.character("g"))
        let stale = app.render(width: width, height: height)
        XCTAssertTrue(stale.text.contains("searching…"), stale.text)
        XCTAssertTrue(stale.text.contains("西安"), stale.text)
        app.handle(.enter)
        XCTAssertNotNil(state(app), "Enter while searching opened a match of the previous query")
        app.handle(.down)                                   // moves in the list shown
        search.queue.resume()
        for _ in 0..<200 where wakes.count == before { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertEqual(wakes.count, before + 1)
        // Finished but not drawn yet: a key still sees the search as running.
        app.handle(.enter)
        XCTAssertEqual(state(app)?.isSearching, true, "a key acted on matches no frame has shown")

        // Drawn: Enter opens the first (the selection starts there with new matches).
        let drawn = app.render(width: width, height: height).text
        XCTAssertFalse(drawn.contains("searching…"), drawn)
        var direct = App(store: SearchTests.store, dataPath: "search.json", width: width, height: height)
        direct.handle(.character("/"))
        direct.type("xiang")
        XCTAssertEqual(drawn, direct.render(width: width, height: height).text)
        guard let first = state(direct)?.results.first else { return XCTFail("no matches for xiang") }
        app.handle(.enter)
        direct.handle(.enter)
        XCTAssertNil(app.overlay)
        XCTAssertEqual(app.currentRegion, direct.currentRegion, "\(first)")
        XCTAssertEqual(app.drill, direct.drill)
    }

    /// Backspace to a query already searched shows its matches at once.
    func testAQueryJustSearchedNeedsNoWait() {
        var app = App(store: SearchTests.store, dataPath: "search.json", width: width, height: height)
        let search = BackgroundSearch(rowLimit: 0) {}
        app.backgroundSearch = search
        app.handle(.character("/"))
        app.type("unicom")
        _ = renderUntilFound(app)
        app.type("x")
        _ = renderUntilFound(app)
        search.queue.suspend()
        defer { search.queue.resume() }
        app.handle(.backspace)
        XCTAssertEqual(state(app)?.isSearching, false)
        XCTAssertFalse(app.render(width: width, height: height).text.contains("searching…"))
    }
}
