@testable import AdoptOpsLog
import Foundation
import Logging
import XCTest

/// The file handler: the line format (time, level, message, metadata), one line per entry
/// whatever the text holds, appending to what is there, and whole lines when two threads log
/// at once.
final class FileLogHandlerTests: XCTestCase {
    private var directory = ""
    private let utc = TimeZone(identifier: "UTC")!
    /// 2025-03-10 10:00:00.250 UTC.
    private let t0 = Date(timeIntervalSince1970: 1_741_600_800.25)

    override func setUpWithError() throws {
        directory = NSTemporaryDirectory() + "adopt-opslog-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private var path: String { directory + "/ops.log" }

    private func logger(_ file: LogFile, timeZone: TimeZone? = nil, at date: Date? = nil) -> Logger {
        let zone = timeZone ?? utc, when = date ?? t0
        return Logger(label: "test") { FileLogHandler(label: $0, file: file, timeZone: zone, clock: { when }) }
    }

    private func lines() throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        XCTAssertTrue(text.isEmpty || text.hasSuffix("\n"), "every line ends with a newline")
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
    }

    // MARK: Format

    func testLineHasTimestampLevelMessageAndSortedMetadata() throws {
        let file = try LogFile(appendingTo: path)
        let log = logger(file)
        log.info("reload: 2 files", metadata: ["generation": "2", "b": "x"])
        log.error("problem: a.json:3:5: error: bad")
        log.warning("fallback")
        XCTAssertEqual(try lines(), [
            "2025-03-10T10:00:00.250+00:00 info reload: 2 files b=x generation=2",
            "2025-03-10T10:00:00.250+00:00 error problem: a.json:3:5: error: bad",
            "2025-03-10T10:00:00.250+00:00 warning fallback",
        ])
    }

    func testTimestampIsISO8601WithTheZonesOffset() {
        func stamp(_ seconds: TimeInterval, _ zone: String) -> String {
            FileLogHandler.timestamp(Date(timeIntervalSince1970: seconds), timeZone: TimeZone(identifier: zone)!)
        }
        XCTAssertEqual(stamp(1_741_600_800.25, "UTC"), "2025-03-10T10:00:00.250+00:00")
        XCTAssertEqual(stamp(1_741_600_800.25, "Asia/Shanghai"), "2025-03-10T18:00:00.250+08:00")
        // Newfoundland: a half-hour offset west of Greenwich, on daylight time in July.
        XCTAssertEqual(stamp(1_751_371_200, "America/St_Johns"), "2025-07-01T09:30:00.000-02:30")
        XCTAssertEqual(stamp(1_740_787_199.5, "UTC"), "2025-02-28T23:59:59.500+00:00")
        XCTAssertEqual(stamp(1_709_164_800, "UTC"), "2024-02-29T00:00:00.000+00:00", "leap day")
        XCTAssertEqual(stamp(-1, "UTC"), "1969-12-31T23:59:59.000+00:00", "before 1970 rounds down")
        XCTAssertEqual(stamp(0, "Asia/Shanghai"), "1970-01-01T08:00:00.000+08:00")
        // Round trip through Foundation's own parser.
        let parser = ISO8601DateFormatter()
        parser.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        XCTAssertEqual(parser.date(from: stamp(1_741_600_800.25, "Asia/Shanghai"))?.timeIntervalSince1970,
                       1_741_600_800.25)
    }

    func testMetadataValuesAreQuotedWhenTheyWouldBreakTheLine() {
        let line = FileLogHandler.line(at: t0, timeZone: utc, level: .notice, message: "m", metadata: [
            "plain": "a.json", "space": "Data dir/a.json", "quote": "say \"hi\"", "eq": "a=b",
            "slash": "a\\b", "empty": "", "list": .array(["1", "2"]), "nl": "a\nb",
        ])
        XCTAssertEqual(line, #"2025-03-10T10:00:00.250+00:00 notice m empty="" eq="a=b" list="[\"1\", \"2\"]" nl="a\nb" "#
                           + #"plain=a.json quote="say \"hi\"" slash="a\\b" space="Data dir/a.json""#)
    }

    func testEachEntryIsOneLineWhateverTheTextHolds() throws {
        let file = try LogFile(appendingTo: path)
        let log = logger(file)
        log.info("first\nsecond\r\nthird\tcolumn \u{1B}[31mred\u{1B}[0m \u{2028}end")
        log.info("next", metadata: ["key\nname": "v"])
        let written = try lines()
        XCTAssertEqual(written.count, 2)
        XCTAssertEqual(written[0], #"2025-03-10T10:00:00.250+00:00 info first\nsecond\r\nthird\tcolumn \u{1B}[31mred\u{1B}[0m \u{2028}end"#)
        XCTAssertEqual(written[1], #"2025-03-10T10:00:00.250+00:00 info next key\nname=v"#)
    }

    func testLevelBelowTheLoggersIsNotWritten() throws {
        let file = try LogFile(appendingTo: path)
        var log = logger(file)
        log.debug("not written")
        log.logLevel = .debug
        log.debug("written")
        XCTAssertEqual(try lines(), ["2025-03-10T10:00:00.250+00:00 debug written"])
    }

    func testMetadataIsAValuePerLoggerAndTheCallsOwnWins() throws {
        let file = try LogFile(appendingTo: path)
        var a = logger(file)
        a[metadataKey: "pid"] = "7"
        a[metadataKey: "role"] = "wall"
        let b = a
        a[metadataKey: "role"] = "cron"
        a.info("a", metadata: ["pid": "8"])
        b.info("b")
        XCTAssertEqual(try lines(), [
            "2025-03-10T10:00:00.250+00:00 info a pid=8 role=cron",
            "2025-03-10T10:00:00.250+00:00 info b pid=7 role=wall",
        ])
    }

    // MARK: The file

    func testAppendsToWhatIsThereAndEachLineIsInTheFileAtOnce() throws {
        try "earlier line\n".write(toFile: path, atomically: false, encoding: .utf8)
        let first = try LogFile(appendingTo: path)
        logger(first).info("one")
        // Flushed: another reader sees the line before anything is closed.
        XCTAssertEqual(try lines(), ["earlier line", "2025-03-10T10:00:00.250+00:00 info one"])
        let second = try LogFile(appendingTo: path)
        logger(second).info("two")
        logger(first).info("three")
        XCTAssertEqual(try lines().count, 4)
        XCTAssertEqual(try lines().last, "2025-03-10T10:00:00.250+00:00 info three")
        XCTAssertEqual(first.writeFailures.count, 0)
    }

    func testCreatesTheFile() throws {
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
        _ = try LogFile(appendingTo: path)
        XCTAssertEqual(try lines(), [])
    }

    /// Two threads, each logging with the real clock: every line whole, each thread's in order,
    /// and the times never go back down the file.
    func testSurvivesConcurrentWritesFromTwoThreads() throws {
        let file = try LogFile(appendingTo: path)
        let perThread = 4000
        let done = DispatchGroup()
        // Long enough lines that an unlocked, buffered writer would tear them.
        let padding = String(repeating: "x", count: 300)
        for name in ["A", "B"] {
            done.enter()
            let utc = self.utc
            let log = Logger(label: "test") { FileLogHandler(label: $0, file: file, timeZone: utc) }
            let thread = Thread {
                for i in 0..<perThread { log.info("\(name) \(i) \(padding)", metadata: ["thread": "\(name)"]) }
                done.leave()
            }
            thread.start()
        }
        XCTAssertEqual(done.wait(timeout: .now() + 60), .success)
        let written = try lines()
        XCTAssertEqual(written.count, 2 * perThread)
        var next = ["A": 0, "B": 0]
        for line in written {
            let fields = line.split(separator: " ")
            guard fields.count == 6, fields[1] == "info", fields[4] == padding,
                  let i = Int(fields[3]), fields[5] == "thread=\(fields[2])" else {
                return XCTFail("torn or malformed line: \(line.prefix(80))")
            }
            let name = String(fields[2])
            XCTAssertEqual(i, next[name], "\(name)'s lines in order")
            next[name] = i + 1
        }
        XCTAssertEqual(next, ["A": perThread, "B": perThread])
        let stamps = written.map { $0.prefix(while: { $0 != " " }) }
        XCTAssertEqual(stamps, stamps.sorted(), "lines are in the file in the order of their times")
    }

    func testAFileThatCannotBeOpenedSaysWhichAndWhy() {
        func reason(_ path: String) -> String? {
            do {
                _ = try LogFile(appendingTo: path)
                return nil
            } catch let error as LogFile.OpenError {
                XCTAssertEqual(error.path, path)
                XCTAssertEqual(error.description, "cannot open log file \(path): \(error.reason)")
                return error.reason
            } catch {
                XCTFail("unexpected \(error)")
                return nil
            }
        }
        XCTAssertEqual(reason(directory + "/missing/ops.log"), "No such file or directory")
        XCTAssertEqual(reason(directory), "Is a directory")
    }

    func testWritesAfterCloseAreCountedNotThrown() throws {
        let file = try LogFile(appendingTo: path)
        file.close()
        logger(file).info("lost")
        XCTAssertEqual(file.writeFailures.count, 1)
        XCTAssertEqual(try lines(), [])
    }
}
