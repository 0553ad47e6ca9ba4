import AdoptCore
@testable import AdoptUI
import XCTest

/// Presentation mode: the toggle, its layout at small and large sizes, navigation on its map,
/// and goldens of the screen (read by eye: Goldens/presentation-*.txt).
final class PresentationTests: XCTestCase {
    let d = TestStore.day

    func testPTogglesAndEscLeaves() {
        var app = TestStore.app()
        app.handle(.character("p"))
        XCTAssertTrue(app.presentation.isOn)
        app.handle(.character("p"))
        XCTAssertFalse(app.presentation.isOn)
        app.handle(.character("p"))
        app.handle(.escape)
        XCTAssertFalse(app.presentation.isOn)
        XCTAssertFalse(app.wholeCountry, "Esc left presentation mode and did nothing else")
    }

    func testLayoutFallsBackToDashboardSizedTilesAt80x24() throws {
        let small = PresentationLayout(width: 80, height: 24)
        XCTAssertEqual(small.dateScale, 0, "the date on one line")
        XCTAssertEqual(small.caption, Rect(row: 1, column: 1, width: 78, height: 2))
        XCTAssertEqual(small.map, Rect(row: 3, column: 0, width: 80, height: 20))
        let g = try XCTUnwrap(small.geometry)
        // 20 rows cannot give the full grid's 11 rows two lines each: the compact grid, 9 rows
        // of 2 lines, 7 columns of 11 (78 / 7).
        XCTAssertEqual(g.layout, .compact)
        XCTAssertEqual(g.cellWidth, 11)
        XCTAssertEqual(g.tileHeight, 2)

        let large = PresentationLayout(width: 200, height: 60)
        XCTAssertEqual(large.dateScale, 2)
        XCTAssertEqual(large.dateRows, 0..<5)
        XCTAssertEqual(large.infoRow, 5)
        XCTAssertEqual(large.caption, Rect(row: 6, column: 1, width: 198, height: 3))
        XCTAssertEqual(large.map, Rect(row: 9, column: 0, width: 200, height: 50))
        let big = try XCTUnwrap(large.geometry)
        // Full grid, 10 columns of 19 (199 / 10) and 11 rows of 4 (50 / 11): 18x3 tiles.
        XCTAssertEqual(big.layout, .full)
        XCTAssertEqual(big.tileWidth, 18)
        XCTAssertEqual(big.tileHeight, 3)
    }

    func testBigDigitsDrawTheDate() {
        XCTAssertEqual(BigDigits.rows("2025-03", scale: 1), [
            "▀▀█ █▀█ ▀▀█ █▀▀     █▀█ ▀▀█",
            "█▀▀ █ █ █▀▀ ▀▀█ ▀▀▀ █ █ ▀▀█",
            "▀▀▀ ▀▀▀ ▀▀▀ ▀▀▀     ▀▀▀ ▀▀▀",
        ])
        XCTAssertEqual(BigDigits.rows("1", scale: 2), ["  ██  ", "████  ", "  ██  ", "  ██  ", "██████"])
        XCTAssertEqual(BigDigits.width(of: "2025-03-05", scale: 2), 78)
    }

    func testArrowsMoveOnThePresentationMap() {
        var app = TestStore.app(width: 80, height: 24)
        app.handle(.character("p"))
        XCTAssertEqual(app.selectedProvince, .guangdong)
        // On the compact grid Guangdong is (8,5); to its right Fujian (8,6); above it Jiangxi (7,5).
        app.handle(.right)
        XCTAssertEqual(app.selectedProvince, .fujian)
        app.handle([.left, .up])
        XCTAssertEqual(app.selectedProvince, .jiangxi)
        XCTAssertEqual(app.focus, .regions)
    }

    func testAClickSelectsTheTileUnderIt() throws {
        var app = TestStore.app(width: 200, height: 60)
        app.handle(.character("p"))
        let g = try XCTUnwrap(PresentationLayout(width: 200, height: 60).geometry)
        let beijing = try XCTUnwrap(g.tile(.beijing))
        app.handle(.click(row: beijing.row + 1, column: beijing.column + 2))
        XCTAssertEqual(app.selectedProvince, .beijing)
    }

    func testSelectedTileIsReverseVideoAndOtherKeysStillWork() throws {
        var app = TestStore.app(width: 200, height: 60)
        app.handle(.character("p"))
        app.handle(.character("["))
        XCTAssertEqual(app.date, d("2025-03-14"), "date keys work in presentation mode")
        let grid = app.render(width: 200, height: 60)
        let g = try XCTUnwrap(PresentationLayout(width: 200, height: 60).geometry)
        let tile = try XCTUnwrap(g.tile(.guangdong))
        XCTAssertTrue(grid[tile.row, tile.column].style.reverse)
        XCTAssertEqual(grid[tile.row, tile.column - 1].text, "[")
        let other = try XCTUnwrap(g.tile(.beijing))
        XCTAssertFalse(grid[other.row, other.column].style.reverse)
        app.handle(.character("?"))
        XCTAssertNotNil(app.overlay, "help opens over the presentation")
    }

    func testGoldenAt80x24WithATourStep() throws {
        var app = try Shipped.app(width: 80, height: 24)
        app.startTour(try Shipped.tour())
        app.handle([.right, .right])  // 3/12: Futian, 2025-02-15
        assertGolden(app.render(width: 80, height: 24), named: "presentation-80x24-futian")
    }

    func testGoldenAt200x60WithATourStep() throws {
        var app = try Shipped.app(width: 200, height: 60)
        app.startTour(try Shipped.tour())
        app.showStep(9)  // 10/12: Anhui, 2025-03-10
        assertGolden(app.render(width: 200, height: 60), named: "presentation-200x60-anhui")
    }

    func testGoldenAt100x30PlayingPastAnEvent() throws {
        var app = try Shipped.app(width: 100, height: 30)
        app.setDate(d("2025-03-04"))
        app.handle([.character("p"), .character(" ")])
        app.tick()
        assertGolden(app.render(width: 100, height: 30), named: "presentation-100x30-playing")
    }

    func testEverySizeFromTheMinimumUpDrawsWithoutTrapping() throws {
        var app = try Shipped.app()
        app.startTour(try Shipped.tour())
        app.showStep(2)
        for (w, h) in [(60, 16), (61, 17), (79, 23), (80, 24), (99, 29), (120, 54), (250, 80), (400, 120)] {
            let grid = app.render(width: w, height: h)
            XCTAssertEqual(grid.lines.count, h)
            XCTAssertTrue(grid.text.contains("3/12"), "\(w)x\(h): the step number is shown")
        }
    }

    func testSyntheticDataIsSaidOnThePresentationScreen() {
        var app = App(store: TestStore.make(synthetic: true), dataPath: "x", width: 80, height: 24)
        app.handle(.character("p"))
        let last = app.render(width: 80, height: 24).lines[23]
        XCTAssertTrue(last.contains("SYNTHETIC DATA  6 deployments · 4 provinces"), last)
    }

    // MARK: Issue 12: country steps, captions that wrap and keep their source

    func testACountryLevelStepBoxesNoProvince() throws {
        for (w, h) in [(80, 24), (100, 30), (200, 60)] {
            var app = try Shipped.app(width: w, height: h)
            app.startTour(try Shipped.tour())
            app.showStep(8)  // 9/12: the whole country, 2025-03-10
            XCTAssertTrue(app.wholeCountry)
            let grid = app.render(width: w, height: h)
            let layout = app.presentationPane.layout(width: w, height: h)
            let mapText = (layout.map.row..<layout.map.bottom).map { grid.lines[$0] }.joined(separator: "\n")
            XCTAssertFalse(mapText.contains("["), "\(w)x\(h): no province boxed\n\(mapText)")
            let reversed = (layout.map.row..<layout.map.bottom).contains { r in (0..<w).contains { grid[r, $0].style.reverse } }
            XCTAssertFalse(reversed, "\(w)x\(h): no tile reversed")
        }
    }

    func testCaptionRowsPutTheSourceAfterTheTextOrUnderIt() {
        let c = PresentationPane.Caption(lead: "2/9", text: "Shenzhen opens DeepSeek to every district.", source: "SCMP")
        // Indent: " 2/9 " and a space, 6 columns.
        XCTAssertEqual(c.rows(width: 60), [.init(text: "Shenzhen opens DeepSeek to every district.", source: "— SCMP")])
        XCTAssertEqual(c.rows(width: 50), [.init(text: "Shenzhen opens DeepSeek to every district."), .init(source: "— SCMP")])
        XCTAssertEqual(c.rows(width: 30), [.init(text: "Shenzhen opens DeepSeek"), .init(text: "to every district."),
                                           .init(source: "— SCMP")])
    }

    func testACaptionTooLongElidesItsTextAndKeepsItsSource() {
        let c = PresentationPane.Caption(lead: "2/9", text: "one two three four five six seven eight nine ten",
                                         source: "South China Morning Post, 2025-02-17")
        let rows = c.rows(width: 26, limit: 3)
        XCTAssertEqual(rows.count, 3)
        XCTAssertEqual(rows[0].text, "one two three four")
        XCTAssertEqual(rows[1].text, "five six seven…", "cut at a word")
        XCTAssertEqual(rows[2].source, "— South China…")
        let one = c.rows(width: 60, limit: 1)
        XCTAssertEqual(one.count, 1)
        XCTAssertTrue(one[0].text.hasSuffix("…") && one[0].source.hasPrefix("— South"), "\(one)")
        // A source that fits beside the text's last row stays there when the text is cut.
        let short = PresentationPane.Caption(lead: "1", text: "one two three four five six seven", source: "X")
        XCTAssertEqual(short.rows(width: 20, limit: 1), [.init(text: "one two…", source: "— X")])
    }

    func testTheCaptionTakesRowsFromTheMapWhileTilesKeepTwoRows() throws {
        let plain = PresentationLayout(width: 100, height: 30)
        XCTAssertEqual(plain.caption.height, 2)
        let four = PresentationLayout(width: 100, height: 30, captionRows: 4)
        XCTAssertEqual(four.caption, Rect(row: 4, column: 1, width: 98, height: 4))
        XCTAssertEqual(four.map, Rect(row: 8, column: 0, width: 100, height: 21))
        XCTAssertEqual(try XCTUnwrap(four.geometry).tileHeight, 2)
        // At 80x24 the map's 20 rows hold the compact grid's 9 rows of 2 with 2 to spare: a
        // caption gets 4 rows at most.
        let small = PresentationLayout(width: 80, height: 24, captionRows: 8)
        XCTAssertEqual(small.caption.height, 4)
        XCTAssertEqual(try XCTUnwrap(small.geometry).tileHeight, 2)
    }

    func testTheSourceLineShowsAtEveryPresenterSize() throws {
        let tour = try Shipped.tour()
        for (w, h) in [(80, 24), (100, 30), (120, 40), (200, 60)] {
            var app = try Shipped.app(width: w, height: h)
            app.startTour(tour)
            for i in tour.steps.indices {
                app.showStep(i)
                let text = app.render(width: w, height: h).text
                let source = try XCTUnwrap(tour.steps[i].source)
                XCTAssertTrue(text.contains("— " + String(source.prefix(min(source.count, 12)))),
                              "\(w)x\(h) step \(i + 1): the source is shown\n\(text)")
                if w >= 100 {
                    // The caption whole: its last word and its whole source.
                    let last = String(tour.steps[i].caption.split(separator: " ").last ?? "")
                    XCTAssertTrue(text.contains(last), "\(w)x\(h) step \(i + 1): the caption is whole")
                    XCTAssertTrue(text.replacingOccurrences(of: "\n       ", with: " ").contains("— " + source)
                                  || text.contains("— " + source), "\(w)x\(h) step \(i + 1): the source is whole\n\(text)")
                }
            }
        }
    }

    func testGoldenCountryStepWithAWrappedCaptionAt100x30() throws {
        var app = try Shipped.app(width: 100, height: 30)
        app.startTour(try Shipped.tour())
        app.showStep(8)  // 9/12: the whole country, the longest caption
        assertGolden(app.render(width: 100, height: 30), named: "presentation-100x30-country-step")
    }

    func testGoldenCountryStepWithAnElidedCaptionAt80x24() throws {
        var app = try Shipped.app(width: 80, height: 24)
        app.startTour(try Shipped.tour())
        app.showStep(8)
        assertGolden(app.render(width: 80, height: 24), named: "presentation-80x24-country-step")
    }

    func testGoldenTourCountryStepOnTheDashboardAt100x30() throws {
        var app = try Shipped.app(width: 100, height: 30)
        app.startTour(try Shipped.tour(), presenting: false)
        app.showStep(8)
        assertGolden(app.render(width: 100, height: 30), named: "tour-dashboard-100x30-country-step")
    }

    func testGoldenPlaybackCaptionAt100x30() throws {
        var app = try Shipped.app(width: 100, height: 30)
        app.setDate(d("2025-02-16"))
        app.handle([.character("p"), .character(" ")])
        app.tick()  // 02-17
        assertGolden(app.render(width: 100, height: 30), named: "presentation-100x30-playback")
    }

    func testAPlayingTourKeepsItsSourceLineBesideThePlaybackLineAt80x24() throws {
        var app = try Shipped.app(width: 80, height: 24)
        app.startTour(try Shipped.tour())
        app.showStep(7)  // 8/12: the country, 2025-03-05; the next step is 03-10
        app.handle(.character(" "))
        app.tick()  // the hold ends: a day towards the next step
        app.tick()
        let text = app.render(width: 80, height: 24).text
        XCTAssertTrue(app.isPlaying)
        XCTAssertTrue(text.contains("8/12"), text)
        XCTAssertTrue(text.contains("— China Auto News"), "the step's source stays\n\(text)")
        XCTAssertNotNil(text.range(of: #"\+[0-9]+ on 03-0[0-9]  in "#, options: .regularExpression), text)
    }
}
