@testable import AdoptCore
import Foundation
import XCTest

/// The fallback decision (`Freshness`) on hand-made files, the lenient `asOf` reader, files
/// sharing an `asOf` and the same file named twice; the last two tests use real files.
final class FreshnessTests: XCTestCase {
    let current = Freshness.File(path: "Data/2025-03-31.json", asOf: Day("2025-03-31"),
                                 modified: Date(timeIntervalSince1970: 1_000))

    func broken(_ path: String, asOf: String? = nil, modified: TimeInterval? = nil) -> Freshness.File {
        Freshness.File(path: path, asOf: asOf.flatMap(Day.init), modified: modified.map(Date.init(timeIntervalSince1970:)),
                       reason: "line 57: unexpected end of file (the file is truncated or incomplete)")
    }

    // MARK: The decision

    func testNothingBrokenIsNoFallback() {
        let f = Freshness(current: current, broken: [])
        XCTAssertFalse(f.isFallback)
        XCTAssertEqual(f.exitStatus(allowFallback: false), .success)
        XCTAssertEqual(f.messages(command: "adopt export"), [])
    }

    func testABrokenFileWithALaterAsOfIsAFallback() {
        let f = Freshness(current: current, broken: [broken("Data/2025-04-01.json", asOf: "2025-04-01")])
        XCTAssertTrue(f.isFallback)
        XCTAssertEqual(f.exitStatus(allowFallback: false), .fallback)
        XCTAssertEqual(f.exitStatus(allowFallback: false).rawValue, 3)
        XCTAssertEqual(f.exitStatus(allowFallback: true), .success)
        XCTAssertEqual(f.messages(command: "adopt export"), [
            "adopt export: Data/2025-04-01.json is broken (line 57: unexpected end of file (the file is truncated or incomplete)); "
                + "using Data/2025-03-31.json (asOf 2025-03-31) instead",
        ])
    }

    func testTheSameAsOfCountsAsNewer() {
        // A rewrite of the current day that broke: the figures are not that file's.
        XCTAssertTrue(Freshness.isNewer(broken("Data/a.json", asOf: "2025-03-31"), than: current))
    }

    func testAnEarlierAsOfIsHistoryWhateverTheNameOrTime() {
        let old = broken("Data/zzz.json", asOf: "2025-02-18", modified: 9_999)
        XCTAssertFalse(Freshness.isNewer(old, than: current))
        let f = Freshness(current: current, broken: [old])
        XCTAssertFalse(f.isFallback)
        XCTAssertEqual(f.olderBroken, [old])
        XCTAssertEqual(f.exitStatus(allowFallback: false), .success, "export and dump: figures from the newest file")
        XCTAssertEqual(f.exitStatus(allowFallback: false, otherErrors: true), .invalid, "validate: a broken file is an error")
        XCTAssertEqual(f.exitStatus(allowFallback: true, otherErrors: true), .invalid)
    }

    func testWithoutAnAsOfTheNameDecides() {
        XCTAssertTrue(Freshness.isNewer(broken("Data/2025-04-01.json", modified: 500), than: current))
        XCTAssertFalse(Freshness.isNewer(broken("Data/2025-03-01.json", modified: 500), than: current))
        // The file name, not the whole path, is compared.
        XCTAssertFalse(Freshness.isNewer(broken("zzz/2025-03-01.json", modified: 500), than: current))
    }

    func testWithoutAnAsOfALaterModificationTimeDecides() {
        XCTAssertTrue(Freshness.isNewer(broken("Data/0-partial.json", modified: 2_000), than: current))
        XCTAssertFalse(Freshness.isNewer(broken("Data/0-partial.json", modified: 1_000), than: current))
        XCTAssertFalse(Freshness.isNewer(broken("Data/0-partial.json"), than: current), "no time known")
    }

    func testNoCurrentFileIsNoFallback() {
        let f = Freshness(current: nil, broken: [broken("Data/2025-04-01.json", asOf: "2025-04-01")])
        XCTAssertFalse(f.isFallback)
        XCTAssertEqual(f.newerBroken, [])
        XCTAssertEqual(f.messages(command: "adopt export"), [])
        XCTAssertEqual(f.exitStatus(allowFallback: false, otherErrors: true), .invalid)
    }

    func testAFallbackComesBeforeOtherErrorsUnlessAccepted() {
        let f = Freshness(current: current, broken: [broken("Data/2025-04-01.json", asOf: "2025-04-01"),
                                                     broken("Data/2025-01-01.json", asOf: "2025-01-01")])
        XCTAssertEqual(f.newerBroken.map(\.path), ["Data/2025-04-01.json"])
        XCTAssertEqual(f.olderBroken.map(\.path), ["Data/2025-01-01.json"])
        XCTAssertTrue(f.isNewerBroken("Data/2025-04-01.json"))
        XCTAssertFalse(f.isNewerBroken("Data/2025-01-01.json"))
        XCTAssertEqual(f.exitStatus(allowFallback: false, otherErrors: true), .fallback)
        XCTAssertEqual(f.exitStatus(allowFallback: true, otherErrors: true), .invalid)
        XCTAssertEqual(f.exitStatus(allowFallback: true, otherErrors: false), .success)
    }

    func testEachNewerBrokenFileHasItsLine() {
        let f = Freshness(current: current, broken: [broken("Data/2025-04-01.json", asOf: "2025-04-01"),
                                                     Freshness.File(path: "Data/2025-05-01.json", asOf: nil)])
        XCTAssertEqual(f.messages(command: "adopt dump"), [
            "adopt dump: Data/2025-04-01.json is broken (line 57: unexpected end of file (the file is truncated or incomplete)); "
                + "using Data/2025-03-31.json (asOf 2025-03-31) instead",
            "adopt dump: Data/2025-05-01.json is broken; using Data/2025-03-31.json (asOf 2025-03-31) instead",
        ])
    }

    func testMessagesAreTerminalSafe() {
        let f = Freshness(current: current, broken: [broken("Data/\u{1B}[2J.json", asOf: "2025-04-01")])
        XCTAssertFalse(f.messages(command: "adopt export")[0].contains("\u{1B}"))
    }

    func testReasonFromAProblem() {
        XCTAssertEqual(Freshness.reason(Problem(file: "a.json", line: 3, column: 4, path: "asOf", message: "bad")),
                       "line 3: asOf: bad")
        XCTAssertEqual(Freshness.reason(Problem(file: "a.json", line: 0, column: 0, path: "", message: "cannot read")),
                       "cannot read")
    }

    // MARK: Reading asOf leniently

    func testAsOfFromATruncatedFile() {
        let text = "{\n  \"format\": \"adopt.snapshot\",\n  \"version\": 2,\n  \"asOf\": \"2025-04-01\",\n  \"deployments\": [{\"id\": \"a\", \"reg"
        XCTAssertEqual(LenientHeader.asOf(in: Array(text.utf8)), Day("2025-04-01"))
        XCTAssertEqual(LenientHeader.string("asOf", in: Array(text.utf8))?.offset, 58)
    }

    func testAsOfAfterASyntaxErrorAndAtTheEnd() {
        let text = #"{"deployments": [1, 2,, oops], "title": "x", "asOf" : "2025-04-01"}"#
        XCTAssertEqual(LenientHeader.asOf(in: Array(text.utf8)), Day("2025-04-01"))
    }

    func testOnlyTheTopLevelAsOfCounts() {
        let nested = #"{"claims": [{"asOf": "2030-01-01"}], "note": "\"asOf\": \"2031-01-01\"", "asOf": "2025-04-01"}"#
        XCTAssertEqual(LenientHeader.asOf(in: Array(nested.utf8)), Day("2025-04-01"))
        XCTAssertNil(LenientHeader.asOf(in: Array(#"{"claims": [{"asOf": "2030-01-01"}]}"#.utf8)))
    }

    func testNoAsOfWhenCutInsideOrMissingOrNotADay() {
        XCTAssertNil(LenientHeader.asOf(in: Array(#"{"format": "adopt.snapshot", "asOf": "2025-0"#.utf8)))
        XCTAssertNil(LenientHeader.asOf(in: Array(#"{"format": "adopt.snapshot", "asO"#.utf8)))
        XCTAssertNil(LenientHeader.asOf(in: Array(#"{"asOf": "yesterday"}"#.utf8)))
        XCTAssertNil(LenientHeader.asOf(in: Array(#"{"asOf": 20250401}"#.utf8)))
        XCTAssertNil(LenientHeader.asOf(in: []))
        XCTAssertNil(LenientHeader.asOf(in: Array(#"["asOf", "2025-04-01"]"#.utf8)))
    }

    func testTheFormatOfATour() {
        XCTAssertEqual(LenientHeader.string("format", in: Array(#"{"version": 1, "format": "adopt.tour"}"#.utf8))?.value, "adopt.tour")
    }

    // MARK: Files sharing an asOf

    func testSameAsOfNamesTheWinner() {
        let d = Day("2025-03-10")!
        let groups = SameAsOf.find([("Data/b.json", d), ("Data/2025-03-10.json", d), ("Data/c.json", Day("2025-03-31")!)])
        XCTAssertEqual(groups, [SameAsOf(asOf: d, files: ["Data/2025-03-10.json", "Data/b.json"])])
        XCTAssertEqual(groups[0].winner, "Data/b.json")
        XCTAssertEqual(groups[0].losers, ["Data/2025-03-10.json"])
        XCTAssertEqual(groups[0].message(for: "Data/2025-03-10.json"),
                       "2025-03-10 is also the asOf of Data/b.json, which is used (of files with the same asOf, the path that sorts last wins)")
        XCTAssertEqual(SameAsOf.find([("a.json", d), ("b.json", Day("2025-03-11")!)]), [])
    }

    func testSameAsOfWinnerIsTheStoresCurrent() {
        let d = Day("2025-03-10")!
        let a = Snapshot(file: "Data/a.json", asOf: d), b = Snapshot(file: "Data/b.json", asOf: d)
        let data = DataSet(files: ["Data/b.json", "Data/a.json"], snapshots: [b, a], problems: [])
        XCTAssertEqual(data.current?.file, "Data/b.json")
        XCTAssertEqual(data.makeStore().current.file, "Data/b.json")
        XCTAssertEqual(data.sameAsOf.first?.winner, "Data/b.json")
    }

    // MARK: From disk

    func directory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("adopt-freshness-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
        return dir
    }

    func snapshot(asOf: String) -> String {
        LoaderErrorTests.valid.replacingOccurrences(of: "\"asOf\": \"2025-03-10\"", with: "\"asOf\": \"\(asOf)\"")
            .replacingOccurrences(of: "\"date\": \"2025-03-10\"", with: "\"date\": \"\(asOf)\"")
    }

    func testATruncatedNewestFileFromDisk() throws {
        let dir = try directory()
        try snapshot(asOf: "2025-03-10").write(toFile: dir + "/2025-03-10.json", atomically: true, encoding: .utf8)
        try String(snapshot(asOf: "2025-03-31").prefix(120)).write(toFile: dir + "/2025-03-31.json", atomically: true, encoding: .utf8)
        let data = DataSet.load(paths: [dir])
        XCTAssertEqual(data.snapshots.count, 1)
        let f = data.freshness()
        XCTAssertEqual(f.current?.path, dir + "/2025-03-10.json")
        XCTAssertEqual(f.newerBroken.map(\.path), [dir + "/2025-03-31.json"])
        XCTAssertEqual(f.newerBroken.first?.asOf, Day("2025-03-31"))
        XCTAssertTrue(f.newerBroken.first?.reason.hasPrefix("line ") ?? false)
        XCTAssertEqual(f.exitStatus(allowFallback: false), .fallback)
    }

    func testTheSameFileNamedTwiceIsReadOnce() throws {
        let dir = try directory()
        let file = dir + "/2025-03-10.json"
        try snapshot(asOf: "2025-03-10").write(toFile: file, atomically: true, encoding: .utf8)
        let data = DataSet.load(paths: [dir, file, dir + "//./2025-03-10.json", dir + "/"])
        XCTAssertEqual(data.files, [file])
        XCTAssertEqual(data.snapshots.count, 1)
        XCTAssertEqual(data.sameAsOf, [])
        XCTAssertEqual(DataSet.identity(of: file), DataSet.identity(of: dir + "/../" + (dir as NSString).lastPathComponent + "/2025-03-10.json"))
    }

    func testTwoFilesWithTheSameAsOfWarnAtTheAsOf() throws {
        let dir = try directory()
        try snapshot(asOf: "2025-03-10").write(toFile: dir + "/a.json", atomically: true, encoding: .utf8)
        try snapshot(asOf: "2025-03-10").write(toFile: dir + "/b.json", atomically: true, encoding: .utf8)
        let data = DataSet.load(paths: [dir])
        XCTAssertEqual(data.sameAsOfWarnings().map(\.description), [
            "\(dir)/a.json:4:11: warning: asOf: 2025-03-10 is also the asOf of \(dir)/b.json, which is used "
                + "(of files with the same asOf, the path that sorts last wins)",
        ])
    }
}
