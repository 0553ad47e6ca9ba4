import AdoptCore
@testable import AdoptUI
import XCTest

/// The breakdown view (`b`) on `BreakdownFixture`: Guangdong's 4 deployments at 2025-03-15.
final class BreakdownTests: XCTestCase {
    private func bars(_ lines: [BreakdownView.Line], _ facet: Facet) -> [String] {
        lines.compactMap { if case .bar(let f, let r) = $0, f == facet { return "\(r.value) \(r.count)" }; return nil }
    }

    func testSectionsCountEachValueWithShares() {
        let app = BreakdownFixture.app()
        let lines = app.breakdownLines
        XCTAssertEqual(bars(lines, .modelFamily), ["DeepSeek 2", "Alibaba Qwen 1", "Tencent Hunyuan 1"])
        XCTAssertEqual(bars(lines, .model), ["DeepSeek-R1 1", "DeepSeek-V3 1", "Qwen2.5 1", "混元 1"])
        XCTAssertEqual(bars(lines, .useCase), ["government services 2", "12345 hotline 1", "customer service 1"])
        XCTAssertEqual(bars(lines, .sector), ["government 2", "enterprise 1", "public-service 1"])
        XCTAssertEqual(bars(lines, .status), ["deployed 3", "piloting 1"])
        XCTAssertEqual(bars(lines, .body), ["company 1", "data-bureau 1", "government-office 1"])
        XCTAssertTrue(lines.contains(.unstated(.modelFamily, count: 1, share: 0.25)), "d names no model")
        XCTAssertTrue(lines.contains(.unstated(.body, count: 1, share: 0.25)))
        XCTAssertFalse(lines.contains { if case .unstated(.sector, _, _) = $0 { return true }; return false },
                       "no (not stated) row where it would be zero")
        guard case .bar(_, let deepseek)? = lines.first(where: { $0.bar == .init(facet: .modelFamily, value: "DeepSeek") })
        else { return XCTFail() }
        XCTAssertEqual(deepseek.share, 0.5)
    }

    func testNoBodySectionWhenTheDataHasNone() {
        let lines = TestStore.app().breakdownLines
        XCTAssertFalse(lines.contains { if case .section(let b) = $0 { return b.facet == .body }; return false })
        XCTAssertTrue(lines.contains { if case .section(let b) = $0 { return b.facet == .status }; return false })
    }

    func testOSortsByNameAndKeepsTheSelectedBar() {
        var app = BreakdownFixture.app()
        app.handle(.character("b"))
        XCTAssertTrue(app.showsBreakdown)
        XCTAssertEqual(app.focus, .regions)
        app.handle(.down)  // DeepSeek → Alibaba Qwen
        XCTAssertEqual(app.breakdown.selected, .init(facet: .modelFamily, value: "Alibaba Qwen"))
        app.handle(.character("o"))
        XCTAssertEqual(app.breakdown.order, .name)
        XCTAssertEqual(bars(app.breakdownLines, .modelFamily), ["Alibaba Qwen 1", "DeepSeek 2", "Tencent Hunyuan 1"])
        XCTAssertEqual(app.breakdown.selected, .init(facet: .modelFamily, value: "Alibaba Qwen"))
        app.handle(.character("G"))
        XCTAssertEqual(app.breakdown.selected?.facet, .body)
        app.handle(.character("g"))
        XCTAssertEqual(app.breakdown.selected, .init(facet: .modelFamily, value: "Alibaba Qwen"))
    }

    func testEnterFiltersByTheBarAndSaysSo() {
        var app = BreakdownFixture.app()
        app.handle(.character("b"))
        app.handle(.enter)  // the first bar: family DeepSeek
        XCTAssertEqual(app.filter.families, ["DeepSeek"])
        XCTAssertEqual(app.currentFacetCounts!.total, 2)
        XCTAssertEqual(app.message, "filter + model-family=DeepSeek: 2 here")
        XCTAssertTrue(app.render(width: 100, height: 30).text.contains("filter + model-family=DeepSeek: 2 here"))
        XCTAssertEqual(app.breakdown.selected, .init(facet: .modelFamily, value: "DeepSeek"), "the bar stays selected")
        app.handle(.enter)
        XCTAssertTrue(app.filter.isEmpty, "Enter again takes it off")
        XCTAssertEqual(app.message, "filter − model-family=DeepSeek: 4 here")
        app.handle(.character("]"))
        XCTAssertNil(app.message, "the next key clears the message")
    }

    func testBAndMSwitchBackToTheMapOrTable() {
        var app = BreakdownFixture.app()
        app.handle(.character("m"))
        XCTAssertEqual(app.regionsView, .table)
        app.handle(.character("b"))
        XCTAssertEqual(app.dashboardView, .breakdown)
        app.handle(.character("b"))
        XCTAssertEqual(app.dashboardView, .table)
        app.handle(.character("b"))
        app.handle(.character("m"))
        XCTAssertEqual(app.dashboardView, .table, "m leaves the breakdown for the pane it replaced")
        app.show(.breakdown)
        XCTAssertTrue(app.render(width: 80, height: 24).text.contains("Breakdown ·"))
    }

    func testPageKeysMoveByScreenLines() {
        var app = BreakdownFixture.app(width: 80, height: 24)
        app.handle(.character("b"))
        app.handle(.pageDown)
        let lines = app.breakdownLines
        let at = app.breakdown.selectedLine(in: lines)!
        XCTAssertGreaterThan(at, 5)
        app.handle(.pageUp)
        XCTAssertLessThan(app.breakdown.selectedLine(in: lines)!, at)
        app.handle(.pageUp)
        XCTAssertEqual(app.breakdown.selected, .init(facet: .modelFamily, value: "DeepSeek"), "stops at the first bar")
    }

    func testBarsAreBlocksInEighths() {
        XCTAssertEqual(BreakdownPane.bar(0.5, width: 4), "██")
        XCTAssertEqual(BreakdownPane.bar(0.125, width: 4), "▌")
        XCTAssertEqual(BreakdownPane.bar(0.001, width: 4), "▏", "something there is never an empty bar")
        XCTAssertEqual(BreakdownPane.bar(0, width: 4), "")
        XCTAssertEqual(BreakdownPane.percent(0.004), "<1%")
        XCTAssertEqual(BreakdownPane.percent(0.4), "40%")
    }

    func testGoldens() {
        var app = BreakdownFixture.app(width: 80, height: 24)
        app.handle(.character("b"))
        assertGolden(app.render(width: 80, height: 24), named: "breakdown-80x24")
        var big = BreakdownFixture.app(width: 200, height: 60)
        big.handle(.character("b"))
        big.handle([.down, .down])
        assertGolden(big.render(width: 200, height: 60), named: "breakdown-200x60")
        assertGolden(BreakdownFixture.app(width: 100, height: 30).renderPane(.breakdown, width: 100, height: 30),
                     named: "breakdown-dump-100x30")
    }
}
