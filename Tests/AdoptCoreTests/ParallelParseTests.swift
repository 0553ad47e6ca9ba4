@testable import AdoptCore
import Foundation
import XCTest

/// Both cores: a deployments array decoded in pieces gives exactly what the sequential reader
/// gives (tables, problems, positions, the 200-problem cap), whatever the number of pieces and
/// wherever the cuts fall, including inside strings that look like element boundaries.
/// (Every hostile file and every loader-error text is also checked in pieces: `PieceCheck`.)
final class ParallelParseTests: XCTestCase {
    /// A document of `count` deployments with problems of every whole-file kind spread across
    /// it: bad values, duplicate ids far apart, dangling and repeated sources, unknown fields,
    /// bodies in a version 1 file, empty sources and dates checked only once `asOf` and
    /// `synthetic` are read after the array, and notes that contain `}, {`.
    static func document(count: Int, version: Int = 2, headerFirst: Bool = true, broken: Bool = true,
                         noteEvery: Int = 3) -> String {
        var rows: [String] = []
        for i in 0..<count {
            var id = "d-\(i)"
            var region = ["440304", "110101", "310115", "510104"][i % 4]
            var sources = "[\"s1\", \"s\(i % 3 + 1)\"]"
            var extra = ""
            var date = "2025-0\(i % 6 + 1)-1\(i % 9)"
            if broken {
                if i % 7 == 3 { region = "999999" }
                if i % 11 == 5, i >= 40 { id = "d-\(i - 37)" }
                if i % 13 == 0 { sources = "[\"s1\", \"gone-\(i % 3)\"]" }
                if i % 17 == 2 { extra += ", \"colour\": \"red\"" }
                if i % 19 == 4 { extra += ", \"body\": \"hotline\"" }
                if i % 23 == 1 { sources = "[]" }
                if i % 29 == 9 { date = "2025-12-01" }
                if i % 31 == 7 { extra += ", \"note\": \"wrapped \\u0041 and \\\"quoted\\\" }, {\\\"id\\\": \\\"x\\\"}\"" }
            }
            if i % noteEvery == 0, !extra.contains("note") { extra += ", \"note\": \"see item }, {next} ]\"" }
            rows.append("""
                {"id": "\(id)", "region": "\(region)", "organization": "Org \(i % 50) 机构", "date": "\(date)", \
                "status": "deployed", "sector": "government", "models": ["M\(i % 37)", "M\((i * 7) % 41)"], \
                "useCases": ["use \(i % 13)"], "sources": \(sources), "approximate": \(i % 5 == 0)\(extra)}
                """)
        }
        let header = """
              "asOf": "2025-09-30",
              "synthetic": false,
            """
        return """
            {
              "format": "adopt.snapshot",
              "version": \(version),
            \(headerFirst ? header + "\n" : "")  "title": "pieces",
              "sources": [{"id": "s1", "publisher": "P", "title": "T", "date": "2025-01-02"},
                          {"id": "s2", "publisher": "P", "title": "T", "date": "2025-01-02"},
                          {"id": "s3", "publisher": "P", "title": "T", "date": "2025-01-02"}],
              "deployments": [
                \(rows.joined(separator: ",\n    "))
              ],
            \(headerFirst ? "" : header + "\n")  "events": [{"date": "2025-01-20", "title": "E }, {", "region": "000000", "source": "s1"}]
            }
            """
    }

    let many = Array(1...9) + [16, 40]

    func testBrokenDocumentsGiveTheSameProblemsInAnyNumberOfPieces() {
        for version in [1, 2] {
            for headerFirst in [true, false] {
                let text = Self.document(count: 120, version: version, headerFirst: headerFirst)
                let r = PieceCheck.load(Array(text.utf8), pieces: many)
                XCTAssertNil(r.snapshot)
                XCTAssertGreaterThan(r.problems.count, 30, "version \(version), header first \(headerFirst)")
            }
        }
    }

    func testCleanDocumentsGiveTheSameTableInAnyNumberOfPieces() throws {
        let r = PieceCheck.load(Array(Self.document(count: 300, broken: false).utf8), pieces: many)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(try XCTUnwrap(r.snapshot).deployments.count, 300)
    }

    func testTheProblemCapAndItsCountAreTheSame() {
        // Over 200 problems, spread over every piece: the same 200 shown, the same "n more".
        let r = PieceCheck.load(Array(Self.document(count: 1500).utf8), pieces: many)
        XCTAssertEqual(r.problems.count, SnapshotReader.maxProblems + 1)
        XCTAssertTrue(r.problems.last!.message.hasSuffix("more problems not shown"), r.problems.last!.message)
    }

    func testSyntheticFilesGiveTheSameTable() throws {
        let generator = try SyntheticGenerator(deployments: 5000, snapshots: 2, seed: 11)
        for k in 0..<2 {
            let r = PieceCheck.load(generator.bytes(ofSnapshot: k), name: "syn.json", pieces: [2, 3, 4, 7, 16])
            XCTAssertEqual(r.problems, [])
            XCTAssertGreaterThan(try XCTUnwrap(r.snapshot).deployments.count, 4000)
        }
    }

    func testCutsInsideStringsAreFoundAndCostNothing() {
        // Every note says `}, {`, so most guessed cuts fall inside a string.
        let bytes = Array(Self.document(count: 60, broken: false, noteEvery: 1).utf8)
        let cuts = bytes.withUnsafeBufferPointer { DeploymentPieces.cuts(in: $0, first: 0, pieces: 8) }
        let insideNotes = cuts.dropFirst().filter { bytes[$0 + 1] == UInt8(ascii: "n") }
        XCTAssertFalse(insideNotes.isEmpty, "no cut fell inside a note: the test no longer tries the recovery")
        let r = PieceCheck.load(bytes, pieces: many)
        XCTAssertEqual(r.problems, [])
        XCTAssertEqual(r.snapshot?.deployments.count, 60)
    }

    func testElementNumbersAreShiftedInPaths() {
        XCTAssertEqual(DeploymentPieces.shifted("deployments[3].models[1]", by: 10), "deployments[13].models[1]")
        XCTAssertEqual(DeploymentPieces.shifted("deployments[0]", by: 7), "deployments[7]")
        XCTAssertEqual(DeploymentPieces.shifted("asOf", by: 7), "asOf")
    }

    func testFilesOnDiskReadInPiecesGiveTheSamePositions() throws {
        // From disk the pages are let go as pieces finish; a late error must still get its line.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("pieces-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let generator = try SyntheticGenerator(deployments: 12_000, seed: 3)
        var bytes = generator.bytes(ofSnapshot: 0)
        let clean = directory.appendingPathComponent("clean.json").path
        FileManager.default.createFile(atPath: clean, contents: Data(bytes))
        // A bad region near the end, and a truncated copy.
        let needle = Array("\"region\":\"".utf8)
        var at = bytes.count - 2000
        while !bytes[at..<(at + needle.count)].elementsEqual(needle) { at -= 1 }
        bytes.replaceSubrange((at + needle.count)..<(at + needle.count + 6), with: Array("999999".utf8))
        let bad = directory.appendingPathComponent("bad.json").path
        FileManager.default.createFile(atPath: bad, contents: Data(bytes))
        let cut = directory.appendingPathComponent("cut.json").path
        FileManager.default.createFile(atPath: cut, contents: Data(bytes[0..<(bytes.count * 3 / 4)]))
        for path in [clean, bad, cut] {
            let sequential = SnapshotLoader.load(file: path, split: .sequential)
            for n in [2, 3, 5] {
                PieceCheck.assertSame(sequential, SnapshotLoader.load(file: path, split: .forced(n)), "\(path) in \(n)")
            }
        }
        XCTAssertEqual(SnapshotLoader.load(file: clean, split: .forced(2)).snapshot?.deployments.count, 12_000)
        XCTAssertEqual(SnapshotLoader.load(file: bad, split: .forced(2)).problems.count, 1)
        XCTAssertTrue(SnapshotLoader.load(file: bad, split: .forced(2)).problems[0].message.contains("999999"))
    }

    func testSplitChoosesPiecesBySize() {
        XCTAssertEqual(ParseSplit.sequential.pieces(forBytes: 1 << 30), 1)
        XCTAssertEqual(ParseSplit(pieces: 4).pieces(forBytes: ParseSplit.defaultMinimumBytes - 1), 1)
        XCTAssertEqual(ParseSplit(pieces: 4).pieces(forBytes: ParseSplit.defaultMinimumBytes), 4)
        XCTAssertEqual(ParseSplit.forced(3).pieces(forBytes: 10), 3)
    }
}
