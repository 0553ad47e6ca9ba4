import AdoptCore
@testable import AdoptUI
import XCTest

final class TablePaneTests: XCTestCase {
    let store = TestStore.make()
    var provinces: [RegionSummary] { store.children(of: .country, at: TestStore.day("2025-03-15")) }

    func testSortOrders() {
        let byCount = TableSort().sorted(provinces).map(\.region.code)
        XCTAssertEqual(Array(byCount.prefix(4)), [.guangdong, .beijing, .zhejiang, .xinjiang])
        let byName = TableSort(column: .name).sorted(provinces).map(\.region.english)
        // Pinyin: an hui, ao men, bei jing, chong qing ...
        XCTAssertEqual(Array(byName.prefix(4)), ["Anhui", "Macao", "Beijing", "Chongqing"])
        // First date, earliest first; provinces with none last in either direction.
        let byFirst = TableSort(column: .firstDate).sorted(provinces).map(\.region.code)
        XCTAssertEqual(Array(byFirst.prefix(4)), [.guangdong, .beijing, .zhejiang, .xinjiang])
        let byFirstDesc = TableSort(column: .firstDate, descending: true).sorted(provinces).map(\.region.code)
        XCTAssertEqual(Array(byFirstDesc.prefix(4)), [.xinjiang, .zhejiang, .beijing, .guangdong])
        XCTAssertEqual(byFirstDesc.count, 34)
        XCTAssertEqual(TableSort().cycled(), TableSort(column: .coverage, descending: true))
        XCTAssertEqual(TableSort(column: .firstDate).cycled(), TableSort(column: .name, descending: false))
    }

    func testBodyScrollsToKeepTheSelectionInTheMiddle() {
        // 23 rows: frame 2, header 1, total 1: 19 visible.
        let area = Rect(row: 0, column: 0, width: 40, height: 23)
        XCTAssertEqual(TablePane.body(in: area, rowCount: 34, selection: 0, withTotal: true),
                       TablePane.Body(row: 2, visible: 19, top: 0))
        XCTAssertEqual(TablePane.body(in: area, rowCount: 34, selection: 20, withTotal: true).top, 11)
        XCTAssertEqual(TablePane.body(in: area, rowCount: 34, selection: 33, withTotal: true).top, 15)
        XCTAssertEqual(TablePane.body(in: area, rowCount: 34, selection: 20, withTotal: true)
            .index(atRow: 2, rowCount: 34), 11)
    }

    func testRowTextAndHeader() {
        let gd = provinces.first { $0.region.code == .guangdong }!
        let narrow = TablePane.Columns(width: 38)
        XCTAssertFalse(narrow.longDates)
        XCTAssertEqual(TablePane.line(gd, narrow, marker: "▶"), "▶广东   Guangdong      3    2/21 02-10")
        let wide = TablePane.Columns(width: 78)
        XCTAssertEqual(TablePane.line(gd, wide, marker: " "),
                       " 广东   Guangdong" + String(repeating: " ", count: 41) + "3    2/21 2025-02-10")
        let pane = TablePane(title: "t", rows: provinces, total: nil, sort: TableSort(), selected: .guangdong, focused: true)
        XCTAssertEqual(pane.header(narrow), " Province 省份    Count▼   Cover 1st  ")
    }

    func testTableGoldens() {
        let sort = TableSort()
        let pane = TablePane(title: "Provinces · 2025-03-15", rows: sort.sorted(provinces),
                             total: store.summary(of: .country, at: TestStore.day("2025-03-15")),
                             sort: sort, selected: .beijing, focused: true)
        for (w, h) in [(40, 23), (100, 40)] {
            var grid = Grid(width: w, height: h)
            pane.draw(into: &grid, in: Rect(row: 0, column: 0, width: w, height: h))
            assertGolden(grid, named: "table-\(w)x\(h)")
        }
    }
}
