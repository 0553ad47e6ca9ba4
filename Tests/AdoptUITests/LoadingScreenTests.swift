import AdoptCore
@testable import AdoptUI
import XCTest

/// The screen while the first data loads: the progress line and a bar at any size, and only
/// quitting keys do anything.
final class LoadingScreenTests: XCTestCase {
    private let reading = LoadProgress.Reading(file: "/data/2025-06-30.json", bytesDone: 120_000_000,
                                               totalBytes: 250_000_000, elapsed: 1.41)

    private func rows(_ grid: Grid) -> [String] {
        (0..<grid.height).map { row in (0..<grid.width).map { grid[row, $0].text }.joined() }
    }

    func testTheLineAndABarHalfwayDown() {
        let screen = LoadingScreen(dataPath: "/data", reading: reading)
        let r = rows(screen.render(width: 100, height: 30))
        XCTAssertEqual(r[14].trimmingCharacters(in: .whitespaces), "Loading 2025-06-30.json  120 / 250 MB  85 MB/s  ~2 s left")
        XCTAssertEqual(r[15].filter { $0 == "█" }.count, 28, "120 of 250 MB of a 60-cell bar")
        XCTAssertEqual(r[15].filter { $0 == "░" }.count, 32)
        XCTAssertEqual(r[29].trimmingCharacters(in: .whitespaces), "q quits")
    }

    func testEverySizeFits() {
        let screen = LoadingScreen(dataPath: "/data", reading: reading)
        for (w, h) in [(100, 30), (60, 12), (30, 5), (20, 3), (10, 1), (1, 1), (0, 0)] {
            let grid = screen.render(width: w, height: h)
            XCTAssertEqual(grid.width, w)
            if w >= 20 && h >= 1 {
                XCTAssertTrue(rows(grid).joined().contains("MB"), "\(w)x\(h): \(rows(grid))")
            }
        }
    }

    func testBeforeTheFirstFileItSaysWhatItOpens() {
        let screen = LoadingScreen(dataPath: "/srv/snapshots")
        XCTAssertTrue(rows(screen.render(width: 80, height: 24)).joined().contains("Loading /srv/snapshots…"))
    }

    func testOnlyQuittingKeysDoAnything() {
        var screen = LoadingScreen(dataPath: "x", reading: reading)
        XCTAssertEqual(screen.handle(.character("q")), .quit)
        XCTAssertEqual(screen.handle(.control("c")), .quit)
        XCTAssertEqual(screen.handle(.escape), .quit)
        XCTAssertEqual(screen.handle(.character("j")), .none)
        XCTAssertEqual(screen.handle(.resize(width: 40, height: 10)), .none)
    }
}
