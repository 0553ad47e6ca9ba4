import AdoptCore
import Foundation

/// What progress reporting costs the parse (`adopt-bench --progress FILE,FILE --runs N`):
/// `SnapshotLoader.load` with and without a `LoadProgress`, on both cores and sequentially,
/// interleaved round by round so the machine's load touches all four alike. With progress, a
/// second thread reads it five times a second, as the loading screen does. Medians.
enum ProgressBench {
    struct Figures {
        var file = ""
        var megabytes = 0.0
        var parallel = Samples(), parallelProgress = Samples()
        var sequential = Samples(), sequentialProgress = Samples()
        /// Readings the watcher saw change, per load with progress (how often it moved).
        var updates: [Int] = []
    }

    static func run(files: [String], runs: Int) -> Int32 {
        let loadAtStart = Report.loadAverage
        var all: [Figures] = []
        for file in files {
            var f = Figures(file: file)
            f.megabytes = Double(LoadProgress.size(of: file)) / 1e6
            for round in 1...runs {
                f.parallel.add(timed { SnapshotLoader.load(file: file) }.ms)
                let (ms, seen) = withProgress { SnapshotLoader.load(file: file, progress: $0) }
                f.parallelProgress.add(ms)
                f.updates.append(seen)
                f.sequential.add(timed { SnapshotLoader.load(file: file, split: .sequential) }.ms)
                f.sequentialProgress.add(withProgress { SnapshotLoader.load(file: file, split: .sequential, progress: $0) }.ms)
                Suite.progress("\((file as NSString).lastPathComponent) round \(round): both cores \(Format.ms(f.parallel.ms.last)) / "
                               + "\(Format.ms(f.parallelProgress.ms.last)) ms with progress, sequential "
                               + "\(Format.ms(f.sequential.ms.last)) / \(Format.ms(f.sequentialProgress.ms.last)) ms")
            }
            all.append(f)
        }
        var t = Table("Progress reporting: medians of \(runs) interleaved rounds; load average (1 min) "
                      + "\(loadAtStart) at start, \(Report.loadAverage) at end",
                      ["file", "MB", "both cores ms", "+progress ms", "ratio", "sequential ms", "+progress ms", "ratio", "readings seen"])
        for f in all {
            let p = f.parallel.median, pp = f.parallelProgress.median, s = f.sequential.median, sp = f.sequentialProgress.median
            t.add([(f.file as NSString).lastPathComponent, Format.fixed(f.megabytes, 1), Format.ms(p), Format.ms(pp),
                   Format.fixed(pp / p, 3) + "x", Format.ms(s), Format.ms(sp), Format.fixed(sp / s, 3) + "x",
                   "\(f.updates.sorted()[f.updates.count / 2])"])
        }
        print(t.text.trimmingCharacters(in: .newlines))
        print("  SnapshotLoader.load in this process; +progress: with a LoadProgress, read by another thread every 200 ms.")
        // The hook on its own, where the machine's noise cannot hide it: what one call costs,
        // and how many a load makes (one per 8,192 rows, on either path).
        let calls = 10_000_000
        let p = LoadProgress()
        p.begin(file: "x", bytes: Int.max)
        let ms = timed { for i in 0..<calls { p.advance(to: i) } }.ms
        let perCall = ms * 1e6 / Double(calls)
        print("  LoadProgress.advance: \(Format.fixed(perCall, 1)) ns a call (\(calls) calls timed); a 1M-deployment load makes "
              + "about \(1_000_000 / 8192 + 1) (\(Format.fixed(perCall * Double(1_000_000 / 8192 + 1) / 1000, 1)) µs in all).")
        return 0
    }

    /// Times `body` while a watcher thread reads the progress every 200 ms; returns the
    /// milliseconds and how many distinct byte counts the watcher saw.
    private static func withProgress(_ body: (LoadProgress) -> SnapshotLoader.Result) -> (ms: Double, seen: Int) {
        let progress = LoadProgress()
        let watch = Watch()
        let thread = Thread {
            var last = -1
            while !watch.stopped {
                if let r = progress.reading, r.bytesDone != last { last = r.bytesDone; watch.count() }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        thread.start()
        let ms = timed { body(progress) }.ms
        watch.stop()
        return (ms, watch.seen)
    }

    private final class Watch: @unchecked Sendable {
        private let lock = NSLock()
        private var done = false
        private var n = 0
        var stopped: Bool { lock.lock(); defer { lock.unlock() }; return done }
        var seen: Int { lock.lock(); defer { lock.unlock() }; return n }
        func stop() { lock.lock(); done = true; lock.unlock() }
        func count() { lock.lock(); n += 1; lock.unlock() }
    }
}
