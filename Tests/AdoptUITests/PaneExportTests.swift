import AdoptCore
@testable import AdoptUI
import Foundation
import XCTest

/// What `e` writes for each pane, and how the file is created.
final class PaneExportTests: XCTestCase {
    func testBreakdownRows() {
        let app = { var a = BreakdownFixture.app(); a.handle(.character("b")); return a }()
        guard let export = app.focusedPaneExport else { return XCTFail() }
        XCTAssertEqual(export.pane, "breakdown")
        XCTAssertEqual(export.header, ["facet", "value", "deployments", "share"])
        XCTAssertEqual(Array(export.rows.prefix(4)), [
            ["model-family", "DeepSeek", "2", "0.500"], ["model-family", "Alibaba Qwen", "1", "0.250"],
            ["model-family", "Tencent Hunyuan", "1", "0.250"], ["model-family", "(not stated)", "1", "0.250"]])
        XCTAssertTrue(export.rows.contains(["status", "deployed", "3", "0.750"]))
    }

    func testTableRowsAndTotal() {
        let export = BreakdownFixture.app().focusedPaneExport!
        XCTAssertEqual(export.pane, "table")
        XCTAssertEqual(export.rows.count, 35, "34 provinces and the country")
        XCTAssertEqual(export.rows.first { $0[0] == "440000" }, ["440000", "广东省", "Guangdong", "4", "2", "21", "2025-02-10", "1"])
        XCTAssertEqual(export.rows.last?[0...3], ["000000", "中国", "China", "5"])
    }

    func testDeploymentRowsWithSources() {
        var app = BreakdownFixture.app()
        app.handle(.character("D"))
        XCTAssertEqual(app.focus, .drillDown)
        guard let export = app.focusedPaneExport else { return XCTFail() }
        XCTAssertEqual(export.pane, "deployments")
        XCTAssertEqual(export.rows.count, 4)
        let a = export.rows.first { $0[0] == "a" }!
        let column = { (name: String) in a[PaneExport.deploymentHeader.firstIndex(of: name)!] }
        XCTAssertEqual(column("region"), "福田区")
        XCTAssertEqual(column("province"), "广东省")
        XCTAssertEqual(column("families"), "Alibaba Qwen; DeepSeek")
        XCTAssertEqual(column("sources"), "Daily, \"Shenzhen\" | AI at work | 2025-02-17 | https://example.org/1; Post |  |  | ")
        XCTAssertTrue(export.csv.contains("\"'=HYPERLINK(\"\"x\"\"), \"\"Futian\"\"\nbureau\""), "quoted and neutralised")
    }

    func testDrillRegionRows() {
        var app = BreakdownFixture.app()
        app.handle(.tab)
        let export = app.focusedPaneExport!
        XCTAssertEqual(export.pane, "drill")
        XCTAssertEqual(export.rows.last?[0...3], ["440000", "广东省", "Guangdong", "4"])
        XCTAssertEqual(export.rows.first { $0[0] == "440100" }?[3], "2")
    }

    func testEWritesNewFilesAndNeverOverwrites() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("adopt-export-\(UUID())").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var app = BreakdownFixture.app()
        app.exportDirectory = dir
        app.handle(.character("e"))
        XCTAssertEqual(app.message, "wrote adopt-table-440000-2025-03-15.csv (35 rows) in \(dir)")
        app.handle(.character("e"))
        XCTAssertEqual(app.message, "wrote adopt-table-440000-2025-03-15-2.csv (35 rows) in \(dir)")
        let first = try String(contentsOfFile: dir + "/adopt-table-440000-2025-03-15.csv", encoding: .utf8)
        XCTAssertEqual(first, app.focusedPaneExport!.csv)
        XCTAssertTrue(first.hasPrefix("code,name,english,deployments,covered,of,first_date,uncertain\n"))
    }

    func testAFailedWriteSaysWhy() {
        var app = BreakdownFixture.app()
        app.exportDirectory = "/nonexistent-adopt-dir"
        app.handle(.character("e"))
        XCTAssertEqual(app.message, "export failed: cannot write /nonexistent-adopt-dir/adopt-table-440000-2025-03-15.csv: No such file or directory")
    }

    /// With regions pinned, `e` on the timeline writes the comparison: a column per region.
    func testTimelineWithPinsExportsTheComparison() {
        var app = BreakdownFixture.app()
        app.setPins([.guangdong, .country])
        app.handle(.tab)
        app.handle(.tab)
        XCTAssertEqual(app.focus, .timeline)
        let export = app.focusedPaneExport
        XCTAssertEqual(export?.pane, "comparison")
        XCTAssertEqual(export?.header, ["date", RegionCode.guangdong.description, "000000"])
        XCTAssertEqual(export?.rows.last?.first, app.date.description, "through the date on screen")
    }
}
