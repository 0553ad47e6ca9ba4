import AdoptCore
import Foundation
import XCTest

/// Files are read while pipelines rewrite them: a file truncated mid-load must give a problem,
/// never a crash (a mapped file would die with SIGBUS), and messages must still carry the right
/// line after the loader has released the pages behind it.
final class TruncatedReadTests: XCTestCase {
    /// A valid snapshot with `rows` deployments, one per line after line 6.
    static func snapshot(rows: Int, badRow: Int? = nil) -> [UInt8] {
        var s = """
        {"format": "adopt.snapshot", "version": 1, "asOf": "2025-03-10",
         "sources": [{"id": "s1", "publisher": "P"}],
         "deployments": [

        """
        for i in 0..<rows {
            let region = i == badRow ? "449999" : "440304"
            s += "  {\"id\": \"d\(i)\", \"region\": \"\(region)\", \"organization\": \"福田区 Futian office \(i)\", "
            s += "\"date\": \"2025-02-15\", \"status\": \"deployed\", \"sector\": \"government\", "
            s += "\"models\": [\"DeepSeek-R1\"], \"useCases\": [\"documents\"], \"sources\": [\"s1\"]}"
            s += i == rows - 1 ? "\n" : ",\n"
        }
        return Array((s + "]}\n").utf8)
    }

    func testLineNumbersSurviveReleasedPages() throws {
        let directory = try Write.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("big.json")
        // 30,000 rows is several MB: the loader releases pages every 8,192 rows.
        try Write.whole(Self.snapshot(rows: 30_000, badRow: 29_000), to: path)
        let result = SnapshotLoader.load(file: path)
        XCTAssertNil(result.snapshot)
        XCTAssertEqual(result.problems.map { "\($0.line):\($0.column)" }, ["29004:30"])
    }

    func testTruncationDuringLoadsIsAProblemNotACrash() throws {
        let directory = try Write.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = (directory as NSString).appendingPathComponent("live.json")
        let whole = Self.snapshot(rows: 40_000)
        try Write.whole(whole, to: path)
        let stop = SharedFlag(false)
        let writer = Thread {
            // Rewrite in place the way `cp` or a shell `>` does: truncate, then write.
            while !stop.value {
                let fd = open(path, O_WRONLY | O_TRUNC)
                if fd >= 0 {
                    _ = whole.withUnsafeBytes { write(fd, $0.baseAddress, whole.count / 3) }
                    usleep(200)
                    _ = whole.withUnsafeBytes { write(fd, $0.baseAddress! + whole.count / 3, whole.count - whole.count / 3) }
                    close(fd)
                }
            }
        }
        writer.start()
        var valid = 0, invalid = 0
        for _ in 0..<25 {
            let r = SnapshotLoader.load(file: path)
            if r.snapshot?.deployments.count == 40_000 { valid += 1 } else {
                invalid += 1
                XCTAssertTrue(r.problems.contains { $0.severity == .error }, "an invalid read says why")
            }
        }
        stop.value = true
        XCTAssertEqual(valid + invalid, 25)
    }
}

/// A value shared with a writer thread.
final class SharedFlag<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: T
    init(_ value: T) { stored = value }
    var value: T {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
