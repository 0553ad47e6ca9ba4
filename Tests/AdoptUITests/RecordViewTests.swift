import AdoptCore
@testable import AdoptUI
import XCTest

/// Issue 12: a deployment's record readable at every size: sources on the first screen at
/// 80x24, URLs broken at separators with a continuation mark, each URL one link, and a
/// record dated after the dashboard's date flagged.
final class RecordViewTests: XCTestCase {
    typealias F = PaneFixtures
    static let bastille = "https://www.bastillepost.com/global/article/4583819-shenzhen-deploys-ai-powered-virtual-employees-in-government-services"

    // MARK: URL wrapping

    func testURLBreaksAfterSeparatorsAndJoinsBackExactly() {
        let pieces = URLLayout.pieces(Self.bastille, firstWidth: 35, width: 34)
        XCTAssertEqual(pieces, [
            "https://www.bastillepost.com/",
            "global/article/4583819-shenzhen-",
            "deploys-ai-powered-virtual-",
            "employees-in-government-services",
        ])
        XCTAssertEqual(pieces.joined(), Self.bastille)
        // Every line but the last leaves a column for the mark.
        XCTAssertLessThanOrEqual(DisplayWidth.of(pieces[0]), 34)
        for piece in pieces.dropFirst().dropLast() { XCTAssertLessThanOrEqual(DisplayWidth.of(piece), 33, piece) }
        XCTAssertLessThanOrEqual(DisplayWidth.of(pieces.last!), 34)
    }

    func testURLBreaksAfterQueryCharacters() {
        let url = "https://example.org/search?q=deepseek&region=440304&page=2"
        let pieces = URLLayout.pieces(url, firstWidth: 30, width: 30)
        XCTAssertEqual(pieces, ["https://example.org/search?q=", "deepseek&region=440304&page=2"])
    }

    func testURLWithoutSeparatorsIsCutAtTheWidth() {
        let url = "https://example.org/" + String(repeating: "a", count: 50)
        let pieces = URLLayout.pieces(url, firstWidth: 20, width: 20)
        // "https://example.org/" is 20 columns: with the mark it does not fit, and the "//" is
        // too early to break at, so the line is cut at 19.
        XCTAssertEqual(pieces.first, "https://example.org")
        XCTAssertEqual(pieces.joined(), url)
        for piece in pieces.dropLast() { XCTAssertEqual(DisplayWidth.of(piece), 19, piece) }
    }

    func testURLThatFitsIsOnePiece() {
        XCTAssertEqual(URLLayout.pieces("https://a.example/x", firstWidth: 19, width: 5), ["https://a.example/x"])
        XCTAssertEqual(URLLayout.pieces("", firstWidth: 10, width: 10), [])
    }

    func testWideCharactersInAURLAreNeverSplit() {
        let url = "https://例子.example/新闻/深圳福田区数字员工"
        for width in 2...12 {
            let pieces = URLLayout.pieces(url, firstWidth: width, width: width)
            XCTAssertEqual(pieces.joined(), url, "width \(width)")
            for piece in pieces.dropLast() { XCTAssertLessThanOrEqual(DisplayWidth.of(piece), max(2, width - 1), "\(width): \(piece)") }
        }
        // Below two columns there is no room for a mark: every piece is one column.
        XCTAssertEqual(URLLayout.pieces("abc", firstWidth: 1, width: 1), ["a", "b", "c"])
    }

    // MARK: Links in the grid

    func testGridLinksCellsAndOverwritingUnlinks() {
        var grid = Grid(width: 14, height: 2)
        grid.put("see 链接 here", row: 0, column: 0)
        grid.link("https://a.example/", row: 0, column: 4, width: 4)
        grid.link("https://a.example/", row: 1, column: 0, width: 3)
        grid.link("https://b.example/", row: 1, column: 5, width: 2)
        XCTAssertEqual(grid.links, ["https://a.example/", "https://b.example/"])
        XCTAssertEqual(grid.linkRuns, [
            LinkRun(row: 0, column: 4, width: 4, url: "https://a.example/", index: 0),
            LinkRun(row: 1, column: 0, width: 3, url: "https://a.example/", index: 0),
            LinkRun(row: 1, column: 5, width: 2, url: "https://b.example/", index: 1),
        ])
        grid.put("x", row: 1, column: 1)
        XCTAssertNil(grid.url(row: 1, column: 1), "text drawn over a link is not linked")
        XCTAssertEqual(grid.url(row: 1, column: 2), "https://a.example/")
        XCTAssertEqual(grid.text, "see 链接 here\n x", "links do not show in the text")
    }

    // MARK: The record

    func record(_ id: String, store: Store = F.store, shownAt: Day? = nil, selection: Int = 0) -> DrillDownPane {
        DrillDownPane(breadcrumb: ["全国 China", id], content: .record(store.record(id: id)!, shownAt: shownAt),
                      selection: selection, focused: true)
    }

    func render(_ pane: DrillDownPane, _ width: Int, _ height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: width, height: height))
        return grid
    }

    /// The text of every link run of a URL, in order: the URL again.
    func linkedText(_ grid: Grid, _ url: String) -> String {
        grid.linkRuns.filter { $0.url == url }.map { run in
            (run.column..<run.column + run.width).map { grid[run.row, $0].text }.joined()
        }.joined()
    }

    func testEveryURLIsOneLinkAcrossItsLines() {
        for (width, height) in [(40, 30), (50, 30), (80, 30), (120, 30)] {
            let grid = render(record("sz-futian-gov"), width, height)
            let url = F.sources[0].url!
            XCTAssertEqual(linkedText(grid, url), url, "\(width)x\(height)")
            XCTAssertEqual(Set(grid.linkRuns.map(\.index)), [0], "one link")
            // Each line of the URL but the last ends in the continuation mark, outside the link.
            let runs = grid.linkRuns
            for run in runs.dropLast() {
                XCTAssertEqual(grid[run.row, run.column + run.width].text, URLLayout.continuation, "\(width): row \(run.row)")
            }
            if runs.count > 1 { XCTAssertGreaterThan(runs[1].column, runs[0].column, "continuations are indented") }
        }
    }

    func testNarrowRecordPutsTheSourceRightAfterTheHeadline() {
        let grid = render(record("sz-futian-gov"), 40, 14)
        XCTAssertEqual(Array(grid.text.split(separator: "\n").map(String.init).prefix(13)), [
            "┌ Deployment record ───────────────────┐",
            "│全国 China › sz-futian-gov            │",
            "│深圳市福田区政务服务和数据管理局      │",
            "│2025-02-17 · deployed · government    │",
            "│source 1 Shenzhen Special Zone Daily  │",
            "│  (深圳特区报)                        │",
            "│ 2025-02-17 · 福田区上线70名AI数字员  │",
            "│ 工，基于DeepSeek处理公文审核与个性   │",
            "│ 化服务                               │",
            "│ https://www.sztqb.example.cn/news/↩  │",
            "│  2025/02/17/futian-ai-digital-↩      │",
            "│  employees-deepseek.html             │",
            "│source 2 South China Morning Post    ▼│",
        ])
    }

    func testNoFieldIsLost() {
        for width in [24, 40, 60, 120] {
            let text = render(record("sz-futian-gov"), width, 60).text
            let flat = text.replacingOccurrences(of: "\n", with: "").replacingOccurrences(of: "│", with: "")
                .replacingOccurrences(of: " ", with: "").replacingOccurrences(of: URLLayout.continuation, with: "")
            for value in ["深圳市福田区政务服务和数据管理局", "2025-02-17", "deployed", "government", "DeepSeek-R1,Qwen",
                          "documentreview,citizenservices", "准确率超过95%。", "福田区Futian›深圳市Shenzhen›广东省Guangdong",
                          "sz-futian-gov", "uncertain", "ShenzhenSpecialZoneDaily(深圳特区报)", "SouthChinaMorningPost",
                          "futian-ai-digital-employees-deepseek.html"] {
                XCTAssertTrue(flat.contains(value), "\(width): \(value) missing\n\(text)")
            }
        }
    }

    func testRecordDatedAfterTheDashboardsDateIsFlagged() {
        let flagged = render(record("sz-nanshan", shownAt: F.day("2025-03-01")), 40, 12).text
        XCTAssertTrue(flagged.contains("not yet deployed at 2025-03-01:"), flagged)
        XCTAssertTrue(flagged.contains("dated 2025-03-05"), flagged)
        let wide = render(record("sz-nanshan", shownAt: F.day("2025-03-01")), 100, 12).text
        XCTAssertTrue(wide.contains("not yet deployed at 2025-03-01: dated 2025-03-05"), wide)
        for shownAt in [F.day("2025-03-05"), F.day("2025-03-31"), nil] {
            let text = render(record("sz-nanshan", shownAt: shownAt), 100, 12).text
            XCTAssertFalse(text.contains("not yet"), text)
        }
    }

    func testDashboardFlagsARecordOnceTheDateMovesBeforeIt() {
        var app = TestStore.app(width: 100, height: 30)
        app.jump(toDeployment: "gd-futian")
        XCTAssertFalse(app.render(width: 100, height: 30).text.contains("not yet"))
        let record = try! XCTUnwrap(app.store.record(id: "gd-futian"))
        app.setDate(record.deployment.date.adding(days: -1))
        let text = app.render(width: 100, height: 30).text
        XCTAssertTrue(text.contains("not yet \(record.deployment.status.rawValue) at \(record.deployment.date.adding(days: -1))"), text)
    }

    // MARK: The shipped data at the sizes people use

    func shippedFutian(_ width: Int, _ height: Int) -> Grid {
        var app = App(store: Shipped.store, dataPath: "Data", width: width, height: height)
        app.jump(toDeployment: "gd-shenzhen-futian")
        return app.render(width: width, height: height)
    }

    func testShippedFutianShowsItsFirstSourceWithoutScrollingAt80x24() {
        let grid = shippedFutian(80, 24)
        let text = grid.text
        for part in ["source 1 Bastille Post (巴士的报)", "2025-02-18 · Shenzhen deploys",
                     "https://www.bastillepost.com/↩", "employees-in-government-services"] {
            XCTAssertTrue(text.contains(part), "\(part) not on the first screen:\n\(text)")
        }
        XCTAssertEqual(linkedText(grid, Self.bastille), Self.bastille)
        assertGolden(grid, named: "record-futian-80x24")
    }

    func testShippedFutianAt100x30() {
        let grid = shippedFutian(100, 30)
        XCTAssertEqual(linkedText(grid, Self.bastille), Self.bastille)
        XCTAssertTrue(grid.text.contains("https://chinadailyhk.com/article/606138"), grid.text)
        assertGolden(grid, named: "record-futian-100x30")
    }

    /// The pane zoomed on an 80x24 screen: labels in a column, the URL wrapped beside them.
    func testGoldenWideRecordKeepsTheLabelColumn() {
        let grid = render(record("sz-futian-gov"), 80, 22)
        XCTAssertTrue(grid.text.contains("│  url         https://www.sztqb.example.cn/news/2025/02/17/futian-ai-↩"), grid.text)
        assertGolden(grid, named: "record-80x22-wide")
    }
}
