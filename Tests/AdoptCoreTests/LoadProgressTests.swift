@testable import AdoptCore
import Foundation
import XCTest

/// The load progress model (`LoadProgress`), fed by the loader on both paths, and the line
/// it is shown as (`ProgressLine`) at several widths.
final class LoadProgressTests: XCTestCase {
    // MARK: ProgressLine

    private func line(done: Int, total: Int, elapsed: Double, file: String = "/data/2025-06-30.json") -> ProgressLine {
        ProgressLine(verb: "Loading", file: file, bytesDone: done, totalBytes: total, elapsed: elapsed)
    }

    func testTheFullLineNamesFileAmountRateAndTimeLeft() {
        let l = line(done: 120_000_000, total: 250_000_000, elapsed: 1.41)
        XCTAssertEqual(l.text(width: 100), "Loading 2025-06-30.json  120 / 250 MB  85 MB/s  ~2 s left")
    }

    func testNarrowerWidthsGiveUpRateThenTimeThenVerbThenTotalSpacing() {
        let l = line(done: 120_000_000, total: 250_000_000, elapsed: 1.41)
        XCTAssertEqual(l.text(width: 57), "Loading 2025-06-30.json  120 / 250 MB  85 MB/s  ~2 s left")
        XCTAssertEqual(l.text(width: 56), "Loading 2025-06-30.json  120 / 250 MB  ~2 s left")
        XCTAssertEqual(l.text(width: 40), "Loading 2025-06-30.json  120 / 250 MB")
        XCTAssertEqual(l.text(width: 30), "2025-06-30.json  120 / 250 MB")
        XCTAssertEqual(l.text(width: 27), "2025-06-30.json  120/250 MB")
        XCTAssertEqual(l.text(width: 26), "2025-06-30.json 120/250 MB")
        XCTAssertEqual(l.text(width: 20), "2025…json 120/250 MB")
        XCTAssertEqual(l.text(width: 8), "120/… MB")
        XCTAssertEqual(l.text(width: 0), "")
        for width in 1...100 {
            XCTAssertLessThanOrEqual(l.text(width: width).count, width, "width \(width)")
        }
    }

    func testNoRateOrTimeBeforeAQuarterSecond() {
        let l = line(done: 5_000_000, total: 250_000_000, elapsed: 0.1)
        XCTAssertNil(l.rate)
        XCTAssertEqual(l.text(width: 100), "Loading 2025-06-30.json  5.0 / 250 MB")
    }

    func testEveryByteReadIsIndexing() {
        let l = line(done: 250_000_000, total: 250_000_000, elapsed: 3)
        XCTAssertTrue(l.isFinishing)
        XCTAssertEqual(l.text(width: 100), "Loading 2025-06-30.json  250 / 250 MB  83 MB/s  indexing…")
    }

    func testAnUnknownTotalShowsBytesAndRate() {
        let l = ProgressLine(verb: "Writing", file: "out/2025-06-30.json", bytesDone: 40_000_000, totalBytes: 0, elapsed: 2)
        XCTAssertEqual(l.text(width: 100), "Writing 2025-06-30.json  40 MB  20 MB/s")
    }

    func testLongWaitsInMinutes() {
        let l = line(done: 1_000_000, total: 250_000_000, elapsed: 1)
        XCTAssertEqual(l.secondsLeft, 249)
        XCTAssertEqual(l.text(width: 100), "Loading 2025-06-30.json  1.0 / 250 MB  1.0 MB/s  ~5 min left")
    }

    // MARK: LoadProgress

    func testFilesAddUpToTheTotal() throws {
        let p = LoadProgress()
        XCTAssertNil(p.reading)
        p.start(totalBytes: 300)
        p.begin(file: "a.json", bytes: 100)
        p.advance(to: 40)
        p.advance(to: 30) // never back
        var r = try XCTUnwrap(p.reading)
        XCTAssertEqual(r.file, "a.json")
        XCTAssertEqual(r.bytesDone, 40)
        XCTAssertEqual(r.totalBytes, 300)
        p.finishFile()
        p.begin(file: "b.json", bytes: 200)
        p.advance(to: 500) // clamped to the file
        r = try XCTUnwrap(p.reading)
        XCTAssertEqual(r.file, "b.json")
        XCTAssertEqual(r.bytesDone, 300)
        p.finish()
        XCTAssertNil(p.reading)
    }

    func testAFileThatGrewRaisesTheTotal() throws {
        let p = LoadProgress()
        p.start(totalBytes: 100)
        p.begin(file: "a.json", bytes: 150)
        XCTAssertEqual(try XCTUnwrap(p.reading).totalBytes, 150)
    }

    func testWritingWithoutSizesCountsBytes() throws {
        let p = LoadProgress()
        p.begin(file: "a.json", bytes: 0)
        p.advance(to: 1000)
        p.begin(file: "b.json", bytes: 0)
        p.advance(to: 500)
        let r = try XCTUnwrap(p.reading)
        XCTAssertEqual(r.bytesDone, 1500)
        XCTAssertEqual(r.totalBytes, 0)
    }

    /// The loader feeds it on the sequential path and on the parallel one (pieces on threads),
    /// and leaves it at the whole file.
    func testTheLoaderReportsOnBothPaths() throws {
        let generator = try SyntheticGenerator(deployments: 40_000, seed: 5)
        let dir = NSTemporaryDirectory() + "adopt-progress-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = try generator.write(to: dir)[0]
        let size = LoadProgress.size(of: file)
        XCTAssertGreaterThan(size, 0)
        for split in [ParseSplit.sequential, .forced(2), .forced(5)] {
            let seen = Seen()
            let p = LoadProgress()
            let watcher = Thread {
                while !seen.stop { if let r = p.reading { seen.add(r.bytesDone) } }
            }
            watcher.start()
            let result = SnapshotLoader.load(file: file, split: split, progress: p)
            let r = try XCTUnwrap(p.reading)
            seen.stop = true
            XCTAssertNotNil(result.snapshot)
            XCTAssertEqual(r.bytesDone, size, "\(split)")
            XCTAssertEqual(r.totalBytes, size)
            XCTAssertEqual(r.file, file)
            XCTAssertEqual(seen.values, seen.values.sorted(), "never backwards (\(split))")
        }
    }

    func testDataSetLoadTakesTheTotalFirst() throws {
        let generator = try SyntheticGenerator(deployments: 2000, snapshots: 3, seed: 9)
        let dir = NSTemporaryDirectory() + "adopt-progress-set-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let files = try generator.write(to: dir)
        let p = LoadProgress()
        _ = DataSet.load(paths: [dir], progress: p)
        let total = files.map(LoadProgress.size(of:)).reduce(0, +)
        let r = try XCTUnwrap(p.reading)
        XCTAssertEqual(r.totalBytes, total)
        XCTAssertEqual(r.bytesDone, total)
        XCTAssertEqual(r.file, files.last)
    }

    func testABackgroundLoadHandsOverItsResult() {
        let gate = DispatchSemaphore(value: 0)
        let load = BackgroundLoad { progress -> Int in
            progress.begin(file: "x.json", bytes: 10)
            gate.wait()
            return 42
        }
        XCTAssertNil(load.wait(seconds: 0.01))
        let woken = expectation(description: "whenDone")
        load.whenDone { woken.fulfill() }
        gate.signal()
        XCTAssertEqual(load.wait(), 42)
        wait(for: [woken], timeout: 10)
        XCTAssertEqual(load.result, 42)
        XCTAssertNil(load.progress.reading, "finished")
        let late = expectation(description: "whenDone after the end")
        load.whenDone { late.fulfill() }
        wait(for: [late], timeout: 1)
    }
}

/// Readings seen by another thread while a load runs.
private final class Seen: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    private var stopped = false
    var stop: Bool {
        get { lock.lock(); defer { lock.unlock() }; return stopped }
        set { lock.lock(); stopped = newValue; lock.unlock() }
    }
    func add(_ v: Int) { lock.lock(); if list.last != v { list.append(v) }; lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return list }
}
