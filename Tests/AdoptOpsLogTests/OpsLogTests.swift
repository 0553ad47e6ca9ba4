import AdoptCore
import AdoptLive
@testable import AdoptOpsLog
import Foundation
import XCTest

/// What `--log` says for each event, on states made by the reload rules from hand-made files:
/// the startup load, a reload that changed regions, a broken file shown from its last good
/// version, an acknowledgement, a failed load.
final class OpsLogTests: XCTestCase {
    private var directory = ""
    private let utc = TimeZone(identifier: "UTC")!
    /// 2025-03-10 10:00:00 UTC, then a minute later, then two.
    private let t0 = Date(timeIntervalSince1970: 1_741_600_800)
    private var t1: Date { t0.addingTimeInterval(60) }
    private var t2: Date { t0.addingTimeInterval(120) }
    private let stamp = "2025-03-10T10:00:00.000+00:00"

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "adopt-opslog-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private var path: String { directory + "/ops.log" }

    private func open() throws -> OpsLog {
        let at = t0
        return try OpsLog.open(path: path, timeZone: utc, clock: { at })
    }

    private func lines() throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// A snapshot as of `asOf` with one deployment in each region.
    private func document(asOf: String, regions: [String]) -> String {
        let rows = regions.enumerated().map { i, region in
            """
            {"id": "d\(i)-\(region)", "region": "\(region)", "organization": "Org \(i)", "date": "2025-02-01",
             "status": "deployed", "sector": "government", "models": ["DeepSeek-R1"],
             "useCases": ["documents"], "sources": ["s1"]}
            """
        }
        return """
        {
          "format": "adopt.snapshot",
          "version": 1,
          "asOf": "\(asOf)",
          "sources": [{"id": "s1", "publisher": "Test Daily"}],
          "deployments": [
        \(rows.joined(separator: ",\n"))
          ]
        }

        """
    }

    private func apply(_ previous: LiveState?, _ texts: [String: String], present: [String], at: Date) -> LiveState {
        let results = Dictionary(uniqueKeysWithValues: texts.map { file, text in
            (file, SnapshotLoader.parse(bytes: Array(text.utf8), file: file))
        })
        return ReloadDecision.apply(previous: previous, results: results, presentFiles: present,
                                    at: at, day: nil, timeZone: utc)
    }

    func testLoadReloadProblemFallbackAcknowledgeAndQuit() throws {
        let log = try open()
        let a = document(asOf: "2025-03-01", regions: ["440304"])
        let b = document(asOf: "2025-03-10", regions: ["440304", "110101", "510104"])
        let first = apply(nil, ["a.json": a], present: ["a.json"], at: t0)
        log.started(paths: ["Data"], version: "0.1.0")
        log.loaded(first)
        let second = apply(first, ["b.json": b], present: ["a.json", "b.json"], at: t1)
        log.reloaded(second)
        // b.json cut off after its fifth line: its last good version stays.
        let truncated = b.split(separator: "\n").prefix(5).joined(separator: "\n") + "\n"
        let third = apply(second, ["b.json": truncated], present: ["a.json", "b.json"], at: t2)
        log.reloaded(third)
        log.reloadRequested()
        log.acknowledged(regions: second.changedRegions)
        log.quit(status: 0, why: "quit")

        let written = try lines()
        XCTAssertTrue(written.allSatisfy { $0.hasPrefix(stamp + " ") }, "every line starts with the time")
        let rest = written.map { String($0.dropFirst(stamp.count + 1)) }
        XCTAssertEqual(rest.count, 10, rest.joined(separator: "\n"))
        XCTAssertTrue(rest[0].hasPrefix("info start: adopt 0.1.0 on Data pid="), rest[0])
        XCTAssertEqual(Array(rest[1...]), [
            "info load: 1 file, 1 snapshot, 0 problems; current a.json (asOf 2025-03-01) generation=1",
            "info reload: 2 files, 2 snapshots, 0 problems, 6 regions changed; current b.json (asOf 2025-03-10) generation=2",
            "info reload: 2 files, 2 snapshots, 2 problems (1 error), 0 regions changed; current b.json (asOf 2025-03-10) generation=3",
            "error problem: b.json:6:1: error: unexpected end of file (the file is truncated or incomplete)",
            "warning problem: b.json:0:0: warning: showing the last good version loaded at 10:01:00",
            "warning fallback: showing the last good version of b.json (asOf 2025-03-10, loaded 2025-03-10T10:01:00.000+00:00)",
            "info reload requested: r pressed, reading every file again",
        ] + acknowledgeAndQuit(second))
    }

    private func acknowledgeAndQuit(_ state: LiveState) -> [String] {
        // Two counties changed and, rolled up, their prefectures and provinces: what `*` marks
        // (the country is not counted, as on screen).
        XCTAssertEqual(state.changedRegions.subtracting([.country]).count, 6)
        return ["info acknowledge: 6 changed regions seen regions=110000,110100,110101,510000,510100,510104",
                "info quit: quit, exit status 0"]
    }

    func testAcknowledgementListsAtMostFiftyRegions() throws {
        let log = try open()
        let many = Set((1...60).map { RegionCode(value: Int32(110_100 + $0)) } + [.country])
        log.acknowledged(regions: many)
        let line = try XCTUnwrap(try lines().first)
        XCTAssertTrue(line.hasPrefix("\(stamp) info acknowledge: 60 changed regions seen regions=110101,110102,"), line)
        XCTAssertTrue(line.hasSuffix(",110149,110150 unlisted=10"), line)
    }

    func testAFailedLoadSaysSoWithEachProblem() throws {
        let log = try open()
        log.loadFailed(paths: ["/srv/data"], problems: [
            Problem(file: "/srv/data", line: 0, column: 0, path: "", message: "no such file or directory"),
        ])
        XCTAssertEqual(try lines(), [
            "\(stamp) error load: no valid snapshot in /srv/data",
            "\(stamp) error problem: /srv/data:0:0: error: no such file or directory",
        ])
    }

    func testNoValidSnapshotIsSaidSo() throws {
        let log = try open()
        let state = apply(nil, ["a.json": "{"], present: ["a.json"], at: t0)
        log.loaded(state)
        let written = try lines()
        XCTAssertEqual(written.first, "\(stamp) info load: 1 file, 0 snapshots, 1 problem; no valid snapshot generation=1")
        XCTAssertEqual(written.count, 2)
        XCTAssertTrue(written[1].hasPrefix("\(stamp) error problem: a.json:"), written[1])
    }
}
