@testable import AdoptCore
@testable import AdoptUI
import XCTest

/// The map's label modes (`L`, `--labels`): goldens at the sizes people use, the fallback
/// that never cuts a name, and the rule that a count is never dropped for a label.
final class LabelModeTests: XCTestCase {
    static let sizes = [(60, 16), (80, 24), (100, 30), (200, 60)]

    /// The dashboard's map pane at a terminal size, in a label mode.
    func mapGrid(_ app: App, width: Int, height: Int) -> Grid {
        let area = app.screenLayout(width: width, height: height).regions
        var grid = Grid(width: area.width, height: area.height)
        app.mapPane(focused: false).draw(into: &grid, in: Rect(row: 0, column: 0, width: area.width, height: area.height))
        return grid
    }

    func testMapGoldensInEveryModeAtTheCommonSizes() {
        for mode in LabelMode.allCases {
            var app = TestStore.app()
            app.setLabels(mode)
            for (w, h) in LabelModeTests.sizes {
                assertGolden(mapGrid(app, width: w, height: h), named: "labels-\(mode.rawValue)-\(w)x\(h)")
            }
        }
    }

    func testPresentationGoldensWithEnglishLabels() {
        var app = TestStore.app()
        app.setLabels(.en)
        app.handle(.character("p"))
        for (w, h) in [(100, 30), (120, 40), (200, 60)] {
            app.handle(.resize(width: w, height: h))
            let grid = app.render(width: w, height: h)
            assertGolden(grid, named: "labels-presentation-en-\(w)x\(h)")
            // English asked for: no tile carries Chinese (the focus line above the map may).
            let geometry = app.presentationGeometry!
            for p in app.figures.provinces {
                let rect = geometry.tile(p.region.code)!
                for r in rect.row..<rect.bottom {
                    let text = (rect.column..<rect.right).map { grid[r, $0].text }.joined()
                    XCTAssertFalse(text.contains { DisplayWidth.of($0) == 2 }, "\(w)x\(h) \(p.region.english): \(text)")
                }
            }
        }
    }

    // MARK: Fallback

    func testNoModeEverCutsAChineseNameShort() {
        // 河 alone is both Hebei and Henan; 山 both Shanxi and Shandong.
        for p in TestStore.make().children(of: .country, at: TestStore.day("2025-03-15")) {
            for mode in LabelMode.allCases {
                for w in 1...24 {
                    for h in 1...4 {
                        let lines = MapPane.tileLines(p, width: w, height: h, labels: mode)
                        let han = lines.joined().filter { DisplayWidth.of($0) == 2 }
                        XCTAssertTrue(han.isEmpty || String(han).contains(p.region.shortName),
                                      "\(mode) \(w)x\(h): \(lines)")
                    }
                }
            }
        }
    }

    func testExplicitModesFallBackInTheDocumentedOrder() {
        XCTAssertEqual(LabelMode.both.fallbacks, [.both, .en, .zh, .abbr])
        XCTAssertEqual(LabelMode.en.fallbacks, [.en, .abbr])
        XCTAssertEqual(LabelMode.zh.fallbacks, [.zh, .abbr])
        XCTAssertEqual(LabelMode.auto.fallbacks, [.both, .en, .abbr], "auto never shows Chinese alone")
        let hl = summary(230000, count: 5)
        // 黑龙江 fits 7 columns, Heilongjiang does not: both → zh, en → letters.
        XCTAssertEqual(MapPane.tileLines(hl, width: 7, height: 2, labels: .both), ["黑龙江 ", "      5"])
        XCTAssertEqual(MapPane.tileLines(hl, width: 7, height: 2, labels: .en), ["HL     ", "      5"])
        XCTAssertEqual(MapPane.tileLines(hl, width: 12, height: 2, labels: .en), ["Heilongjiang", "           5"])
    }

    func testLCyclesTheModesAndTheStatusLineSaysWhich() {
        var app = TestStore.app()
        var seen: [LabelMode] = [app.labels]
        for _ in 0..<5 {
            app.handle(.character("L"))
            seen.append(app.labels)
            XCTAssertTrue(app.render(width: 80, height: 24).lines[23].contains("labels: \(app.labels.title)"))
        }
        XCTAssertEqual(seen, [.auto, .en, .both, .zh, .abbr, .auto])
        app.handle(.character("L"))
        app.handle(.character("]"))
        XCTAssertTrue(app.render(width: 100, height: 30).lines[29].contains("labels: en"),
                      "said while not the default: " + app.render(width: 100, height: 30).lines[29])
        XCTAssertTrue(app.render(width: 200, height: 60).lines[59].contains("labels: English (L)"))
        XCTAssertTrue(Keymap.helpLines.contains { $0.keys == "L" }, "help lists L")
        XCTAssertTrue(app.commandLines[0].words.suffix(2) == ["--labels", "en"], "\(app.commandLines[0].words)")
    }

    func testLWorksInPresentationMode() {
        var app = TestStore.app(width: 100, height: 30)
        app.handle([.resize(width: 100, height: 30), .character("p"), .character("L")])
        XCTAssertTrue(app.presentation.isOn)
        XCTAssertEqual(app.labels, .en)
        XCTAssertTrue(app.render(width: 100, height: 30).text.contains("labels: English"))
        XCTAssertTrue(app.render(width: 100, height: 30).text.contains("Beijing"))
    }

    // MARK: Auto

    func testAutoFitsTheWidth() {
        let app = TestStore.app()
        // 80x24 and 100x30: tiles of 4 and 5 columns hold few names: the letters on every tile.
        for (w, h) in [(60, 16), (80, 24), (100, 30)] {
            let text = mapGrid(app, width: w, height: h).text
            XCTAssertTrue(text.contains("GD") && text.contains("HE") && text.contains("HA"), "\(w)x\(h)\n\(text)")
            XCTAssertFalse(text.contains("Hebei") || text.contains("河"), "\(w)x\(h)\n\(text)")
        }
        // 200x60: Chinese over English where both fit, English alone or letters where not.
        let wide = mapGrid(app, width: 200, height: 60).text
        for name in ["Hebei", "Henan", "Shanxi", "Shaanxi", "Shandong", "河北", "Guangdong"] {
            XCTAssertTrue(wide.contains(name), name + "\n" + wide)
        }
    }

    // MARK: Counts

    /// Summaries of the 34 provinces with the given count each (and uncertain ones, `?`).
    func summaries(_ count: (Int) -> Int, uncertain: Bool = false) -> [RegionSummary] {
        Gazetteer.shared.provinces.enumerated().map { i, p in
            let n = count(i)
            return RegionSummary(region: p, count: n, covered: 0, childCount: 0, firstDate: nil,
                                 firmCount: uncertain ? 0 : n)
        }
    }

    func summary(_ code: Int32, count: Int) -> RegionSummary {
        summaries { _ in count }.first { $0.region.code.value == code }!
    }

    /// Every tile of the dashboard's map shows its count whole at every size the dashboard
    /// accepts, in every mode, for small and large counts (to 12345, `*9999`, `9999?`).
    func testEveryTileShowsItsWholeCountAtEverySizeTheDashboardAccepts() {
        let sets: [(String, [RegionSummary], Set<RegionCode>)] = [
            ("small", summaries { $0 % 17 }, []),
            ("12345", summaries { $0 % 3 == 0 ? 12345 : $0 * 37 }, []),
            ("*9999", summaries { _ in 9999 }, Set(Gazetteer.shared.provinces.map(\.code))),
            ("9999?", summaries({ $0 % 2 == 0 ? 9999 : 16 }, uncertain: true), []),
        ]
        var checked = 0
        for (name, provinces, changed) in sets {
            let pane0 = MapPane(title: "Map", provinces: provinces, scale: .fitting(maximum: 16), cursor: .guangdong,
                                focused: false, changed: changed)
            let minimum = MapPane.minimumWidth(countWidth: pane0.countWidth)
            var tileSizes = Set<[Int]>()
            for w in TooSmall.minimumWidth...200 {
                for h in TooSmall.minimumHeight...60 {
                    let area = ScreenLayout(width: w, height: h, mapWidth: minimum).regions
                    guard let geometry = MapPane.geometry(in: area, countWidth: pane0.countWidth) else {
                        return XCTFail("\(name) \(w)x\(h): no map in \(area)")
                    }
                    // Tile text depends only on the tile's size: each size once per set.
                    let tile = geometry.tile(.guangdong)!
                    guard tileSizes.insert([tile.width, tile.height]).inserted else { continue }
                    for mode in LabelMode.allCases {
                        for s in provinces {
                            let rect = geometry.tile(s.region.code)!
                            let count = MapPane.countText(s, changed: changed.contains(s.region.code))
                            let lines = MapPane.tileLines(s, width: rect.width, height: rect.height,
                                                          changed: changed.contains(s.region.code), labels: mode)
                            guard lines.last?.hasSuffix(count) == true,
                                  lines.last.map({ $0.dropLast(count.count).last ?? " " })?.isNumber == false else {
                                return XCTFail("\(name) \(w)x\(h) \(mode) \(s.region.english): \(lines)")
                            }
                            checked += 1
                        }
                    }
                }
            }
        }
        print("LabelModeTests: \(checked) tiles checked")
    }

    /// The same on the drawn screen, at the common sizes and around the minimum, with a count
    /// of 12345 in Guangdong: the grid's own text, not only `tileLines`.
    func testLargeCountsShowOnTheDrawnMap() {
        let provinces = summaries { $0 % 5 == 0 ? 12345 : $0 }
        for mode in LabelMode.allCases {
            for (w, h) in LabelModeTests.sizes + [(61, 17), (75, 20), (90, 28), (140, 45)] {
                var pane = MapPane(title: "Map", provinces: provinces, scale: .fitting(maximum: 12345), cursor: .guangdong,
                                   focused: false)
                pane.labels = mode
                let area = ScreenLayout(width: w, height: h, mapWidth: MapPane.minimumWidth(countWidth: 5)).regions
                var grid = Grid(width: w, height: h)
                pane.draw(into: &grid, in: area)
                let geometry = MapPane.geometry(in: area, countWidth: 5)!
                for s in provinces {
                    let rect = geometry.tile(s.region.code)!
                    let row = (rect.column..<rect.right).map { grid[rect.bottom - 1, $0].text }.joined()
                    XCTAssertTrue(row.hasSuffix(String(s.count)), "\(mode) \(w)x\(h) \(s.region.english): |\(row)|")
                }
            }
        }
    }

    /// Every mode on the dashboard and in presentation mode, over a grid of sizes from the
    /// minimum up: drawn whole, and no wide character split at a tile's edge.
    func testEveryModeDrawsAtSizesFromTheMinimumUp() {
        for mode in LabelMode.allCases where mode != .auto {
            for presenting in [false, true] {
                var app = TestStore.app()
                app.setLabels(mode)
                if presenting { app.handle(.character("p")) }
                for w in stride(from: TooSmall.minimumWidth, through: 200, by: 13) {
                    for h in stride(from: TooSmall.minimumHeight, through: 60, by: 7) {
                        app.handle(.resize(width: w, height: h))
                        let grid = app.render(width: w, height: h)
                        XCTAssertEqual([grid.width, grid.height], [w, h])
                        for r in 0..<h {
                            for c in 0..<w where grid[r, c].isContinuation {
                                XCTAssertTrue(c > 0 && DisplayWidth.of(grid[r, c - 1].text) == 2,
                                              "\(mode) \(presenting ? "presenting" : "dashboard") \(w)x\(h) at \(r),\(c)")
                            }
                        }
                    }
                }
            }
        }
    }

    func testACountTooWideForAnyTileAsksForRoomInsteadOfCuttingIt() {
        // `dump map` can ask for a pane narrower than the dashboard ever lays out.
        let pane = MapPane(title: "Map", provinces: summaries { _ in 12345 }, scale: .fitting(maximum: 12345),
                           cursor: .guangdong, focused: false)
        var grid = Grid(width: 40, height: 12)
        pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: 40, height: 12))
        XCTAssertTrue(grid.text.contains("map needs more room"), grid.text)
        XCTAssertFalse(grid.text.contains("1234"), grid.text)
    }
}
