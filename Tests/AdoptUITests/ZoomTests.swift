import AdoptCore
@testable import AdoptUI
import XCTest

/// `z`: the focused pane fills the screen; `z` again or Esc gives the others back.
final class ZoomTests: XCTestCase {
    func testZZoomsTheFocusedPaneAndZOrEscRestores() {
        var app = TestStore.app(width: 200, height: 60)
        app.handle(.resize(width: 200, height: 60))
        app.handle(.character("z"))
        XCTAssertTrue(app.zoom.isOn)
        let whole = Rect(row: 0, column: 0, width: 200, height: 59)
        XCTAssertEqual(app.screenLayout.regions, whole)
        XCTAssertTrue(app.screenLayout.drillDown.isEmpty)
        XCTAssertTrue(app.screenLayout.timeline.isEmpty)
        let grid = app.render(width: 200, height: 60)
        XCTAssertTrue(grid.lines[59].contains("zoomed (z restores)"), grid.lines[59])
        XCTAssertTrue(grid.lines[0].hasPrefix("┌ Map"))
        XCTAssertTrue(grid.lines[0].hasSuffix("┐"))
        XCTAssertTrue(grid.lines[58].hasSuffix("┘"))

        // Zoom follows the focus: Tab shows the drill-down zoomed.
        app.handle(.tab)
        XCTAssertEqual(app.screenLayout.drillDown, whole)
        XCTAssertTrue(app.screenLayout.regions.isEmpty)

        app.handle(.escape)
        XCTAssertFalse(app.zoom.isOn)
        XCTAssertEqual(app.screenLayout, ScreenLayout(width: 200, height: 60))
        XCTAssertFalse(app.render(width: 200, height: 60).lines[59].contains("zoomed"))

        app.handle(.character("z"))
        app.handle(.character("z"))
        XCTAssertFalse(app.zoom.isOn)
    }

    /// Esc restores before it goes back in the drill-down: the list the user zoomed stays.
    func testEscInAZoomedDrillDownRestoresWithoutLeavingTheList() {
        var app = TestStore.app()
        app.handle(.character("D"))
        let frames = app.drill
        XCTAssertEqual(app.focus, .drillDown)
        app.handle(.character("z"))
        app.handle(.escape)
        XCTAssertFalse(app.zoom.isOn)
        XCTAssertEqual(app.drill, frames)
        app.handle(.escape)  // now the drill-down's own Esc
        XCTAssertEqual(app.drill.count, frames.count - 1)
    }

    /// Clicks and page keys use the zoomed geometry: a click on the zoomed table's third row
    /// selects the third province.
    func testClicksHitTheZoomedPane() {
        var app = TestStore.app(width: 100, height: 30)
        app.handle(.resize(width: 100, height: 30))
        app.handle([.character("m"), .character("z")])
        let third = app.tableRows[2].region.code
        app.handle(.click(row: 4, column: 60))
        XCTAssertEqual(app.selectedProvince, third)
        XCTAssertEqual(app.focus, .regions)
    }

    func testHelpListsZ() {
        XCTAssertEqual(Keymap.action(for: .character("z")), .zoom)
        XCTAssertTrue(Keymap.helpLines.contains { $0.keys == "z" && $0.action.contains("Esc restores") })
    }

    /// Every pane zoomed at the sizes the dashboard is used at: the frame spans the screen
    /// above the status bar, which says how to restore.
    func testEveryPaneZoomsAtEverySize() {
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
            for focus in 0..<3 {
                var app = TestStore.app(width: w, height: h)
                app.handle(.resize(width: w, height: h))
                app.handle(Array(repeating: .tab, count: focus) + [.character("z")])
                let grid = app.render(width: w, height: h)
                XCTAssertTrue(grid.lines[0].hasPrefix("┌"), "\(w)x\(h) pane \(focus): \(grid.lines[0])")
                XCTAssertTrue(grid.lines[0].hasSuffix("┐"), "\(w)x\(h) pane \(focus)")
                XCTAssertTrue(grid.lines[h - 2].hasPrefix("└") && grid.lines[h - 2].hasSuffix("┘"), "\(w)x\(h) pane \(focus)")
                XCTAssertTrue(grid.lines[h - 1].contains("zoomed"), "\(w)x\(h): \(grid.lines[h - 1])")
            }
        }
    }

    func testZoomGoldens() {
        var app = TestStore.app(width: 200, height: 60)
        app.handle(.resize(width: 200, height: 60))
        app.handle([.character("m"), .character("z")])
        assertGolden(app.render(width: 200, height: 60), named: "zoom-table-200x60")
        app.handle([.character("m")])
        var small = app
        small.handle(.resize(width: 80, height: 24))
        assertGolden(small.render(width: 80, height: 24), named: "zoom-map-80x24")

        var list = TestStore.app(width: 200, height: 60)
        list.handle(.resize(width: 200, height: 60))
        list.handle([.escape, .character("D"), .character("z")])  // the whole country's deployments
        assertGolden(list.render(width: 200, height: 60), named: "zoom-deployments-200x60")

        var timeline = TestStore.app()
        timeline.handle([.tab, .tab, .character("z")])
        assertGolden(timeline.render(width: 80, height: 24), named: "zoom-timeline-80x24")

        var breakdown = TestStore.app(width: 100, height: 30)
        breakdown.handle(.resize(width: 100, height: 30))
        breakdown.handle([.character("b"), .character("z")])
        assertGolden(breakdown.render(width: 100, height: 30), named: "zoom-breakdown-100x30")
    }
}
