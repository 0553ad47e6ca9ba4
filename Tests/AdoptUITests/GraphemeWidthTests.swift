import AdoptCore
@testable import AdoptUI
import XCTest

/// Widths per extended grapheme cluster, as terminals and Python's wcwidth `wcswidth` give them
/// (issue 12), and panes that hold such names keeping every line exactly their width.
final class GraphemeWidthTests: XCTestCase {
    func width(_ s: String) -> Int { DisplayWidth.of(s) }

    func testEachClusterKind() {
        XCTAssertEqual(width("a"), 1, "plain ASCII")
        XCTAssertEqual(width("Mobile"), 6, "plain ASCII")
        XCTAssertEqual(width("🇨🇳"), 2, "flag: two regional indicators, one cluster")
        XCTAssertEqual(width("🇨🇳🇺🇸"), 4, "two flags")
        XCTAssertEqual(width("☀️"), 2, "VS16 on a text-default emoji")
        XCTAssertEqual(width("❤️"), 2, "VS16 on a text-default emoji")
        XCTAssertEqual(width("☀︎"), 1, "VS15: text presentation")
        XCTAssertEqual(width("☀"), 1, "bare text-default emoji")
        XCTAssertEqual(width("1️⃣"), 2, "keycap")
        XCTAssertEqual(width("#️⃣"), 2, "keycap")
        XCTAssertEqual(width("👨‍👩‍👧‍👦"), 2, "ZWJ family, seven scalars")
        XCTAssertEqual(width("🏳️‍🌈"), 2, "ZWJ sequence on a VS16 base")
        XCTAssertEqual(width("😀"), 2, "Emoji_Presentation")
        XCTAssertEqual(width("🟠"), 2, "Emoji_Presentation outside the old table")
        XCTAssertEqual(width("e\u{301}"), 1, "combining mark joins the previous cluster")
        XCTAssertEqual(width("e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}"), 1, "many marks")
        XCTAssertEqual(width("\u{301}"), 0, "a lone combining mark")
        XCTAssertEqual(width("中国"), 4, "CJK wide")
        XCTAssertEqual(width("ＡＢ"), 4, "fullwidth")
        XCTAssertEqual(width("A\u{FE0F}"), 1, "VS16 widens only emoji")
        XCTAssertEqual(width("🇨🇳 China Mobile"), 15)
    }

    func testGridReservesTheClusterWidth() {
        var grid = Grid(width: 10, height: 1)
        let end = grid.put("☀️👨‍👩‍👧‍👦🇨🇳x", row: 0, column: 0)
        XCTAssertEqual(end, 7)
        XCTAssertEqual(grid[0, 0].text, "☀️")
        XCTAssertTrue(grid[0, 1].isContinuation)
        XCTAssertEqual(grid[0, 2].text, "👨‍👩‍👧‍👦")
        XCTAssertTrue(grid[0, 3].isContinuation)
        XCTAssertEqual(grid[0, 4].text, "🇨🇳")
        XCTAssertTrue(grid[0, 5].isContinuation)
        XCTAssertEqual(grid[0, 6].text, "x")
        XCTAssertEqual(DisplayWidth.of(grid.lines[0]), 10)
    }

    func testTruncationAndPaddingNeverSplitAnEmoji() {
        for text in ["🇨🇳🇨🇳🇨🇳", "☀️❤️1️⃣", "👨‍👩‍👧‍👦👨‍👩‍👧‍👦", "a☀️b"] {
            for w in 0...8 {
                let fitted = TextLayout.pad(text, width: w)
                XCTAssertEqual(DisplayWidth.of(fitted), w, "\(text) at \(w): \(fitted)")
                XCTAssertLessThanOrEqual(DisplayWidth.of(TextLayout.clipLeft(text, width: w)), w)
                for line in TextLayout.wrap(text, width: max(2, w)) {
                    XCTAssertLessThanOrEqual(DisplayWidth.of(line), max(2, w), "\(text) wrapped at \(w)")
                }
            }
        }
    }

    // MARK: Panes holding such names

    static let asOf = PaneFixtures.day("2025-03-31")
    static let futian = RegionCode(value: 440304)
    static let names = [
        "🇨🇳 China Mobile 中国移动", "☀️ Sunshine ❤️ Care", "1️⃣ First Hospital",
        "👨‍👩‍👧‍👦 Family Services 家庭", "Café e\u{301}cole ☀︎ text",
    ]
    static let store: Store = {
        let deployments = names.enumerated().map { i, name in
            Deployment(id: "emoji-\(i)", region: futian, organization: name,
                       date: PaneFixtures.day("2025-02-1\(i)"), status: .deployed, sector: .enterprise,
                       note: "Named \(name) \(name) \(name).")
        }
        return Store(snapshots: [Snapshot(file: "emoji.json", asOf: asOf, sources: [],
                                          deployments: deployments, events: [])])
    }()

    func render(_ content: DrillDownPane.Content, _ width: Int, _ height: Int) -> Grid {
        let pane = DrillDownPane(breadcrumb: ["全国 China", "🇨🇳 福田 Futian"], content: content,
                                 selection: 0, focused: true)
        var grid = Grid(width: width, height: height)
        pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: width, height: height))
        return grid
    }

    func testDeploymentListKeepsEveryLineThePaneWidth() {
        let items = Self.store.deployments(in: Self.futian, at: Self.asOf)
        XCTAssertEqual(items.count, Self.names.count)
        let region = Self.store.gazetteer.region(Self.futian)!
        for w in 8...100 {
            let grid = render(.deployments(region: region, items: items), w, 10)
            for (r, line) in grid.lines.enumerated() {
                XCTAssertEqual(DisplayWidth.of(line), w, "width \(w) row \(r): \(line)")
            }
            for r in 1..<9 { XCTAssertEqual(grid[r, w - 1].text, "│", "width \(w) row \(r)") }
        }
    }

    func testRecordKeepsEveryLineThePaneWidth() {
        for i in Self.names.indices {
            let record = Self.store.record(id: "emoji-\(i)")!
            for w in 8...100 {
                let grid = render(.record(record), w, 24)
                for (r, line) in grid.lines.enumerated() {
                    XCTAssertEqual(DisplayWidth.of(line), w, "record \(i) width \(w) row \(r): \(line)")
                }
            }
        }
    }
}
