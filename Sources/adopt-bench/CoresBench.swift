import AdoptCore
import Foundation

/// Both cores (`adopt-bench --cores FILE,FILE --runs N`): the parallel reader beside the
/// sequential one and `jq length`, on the same files in the same run, the three interleaved
/// round by round so a change in the machine's load touches all of them alike. Medians.
///
/// Figures: `SnapshotLoader.load` in this process (split automatically, then forced
/// sequential); `adopt dump screen FILE` from launch to exit, with and without
/// `ADOPT_PARSE=sequential`, and its peak RSS (`/usr/bin/time -f %M`); `jq length FILE`.
enum CoresBench {
    struct Figures {
        var file = ""
        var megabytes = 0.0
        var loadParallel = Samples(), loadSequential = Samples()
        var startParallel = Samples(), startSequential = Samples(), jq = Samples()
        var peakParallelKB = 0, peakSequentialKB = 0
    }

    static func run(files: [String], runs: Int) -> Int32 {
        guard let adopt = ChildProcess.adoptPath else {
            FileHandle.standardError.write(Data("adopt-bench: build `adopt` next to adopt-bench first\n".utf8))
            return 1
        }
        let loadAtStart = Report.loadAverage
        var all: [Figures] = []
        for file in files {
            var f = Figures(file: file)
            f.megabytes = Double(((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? NSNumber)?.intValue ?? 0) / 1e6
            for round in 1...runs {
                f.loadParallel.add(timed { SnapshotLoader.load(file: file) }.ms)
                f.loadSequential.add(timed { SnapshotLoader.load(file: file, split: .sequential) }.ms)
                if let (ms, kb) = dump(adopt, file, sequential: false) { f.startParallel.add(ms); f.peakParallelKB = max(f.peakParallelKB, kb) }
                if let (ms, kb) = dump(adopt, file, sequential: true) { f.startSequential.add(ms); f.peakSequentialKB = max(f.peakSequentialKB, kb) }
                if let jq = ChildProcess.run(LoadBench.jqPath, ["length", file], capture: true), jq.status == 0 { f.jq.add(jq.ms) }
                Suite.progress("\((file as NSString).lastPathComponent) round \(round): load \(Format.ms(f.loadParallel.ms.last)) / "
                               + "\(Format.ms(f.loadSequential.ms.last)) ms, start \(Format.ms(f.startParallel.ms.last)) / "
                               + "\(Format.ms(f.startSequential.ms.last)) ms, jq \(Format.ms(f.jq.ms.last)) ms")
            }
            all.append(f)
        }
        print(report(all, runs: runs, cores: ProcessInfo.processInfo.activeProcessorCount,
                     load: (loadAtStart, Report.loadAverage)))
        return 0
    }

    /// `adopt dump screen FILE` under `/usr/bin/time`: milliseconds and peak RSS in KB.
    private static func dump(_ adopt: String, _ file: String, sequential: Bool) -> (Double, Int)? {
        let out = NSTemporaryDirectory() + "adopt-bench-time-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        process.arguments = ["-f", "%M", "-o", out, adopt, "dump", "screen", file,
                             "--width", "\(FrameBench.width)", "--height", "\(FrameBench.height)"]
        var environment = ProcessInfo.processInfo.environment
        environment["ADOPT_PARSE"] = sequential ? "sequential" : nil
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Clock.now()
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        let ms = Clock.milliseconds(since: start)
        guard process.terminationStatus == 0,
              let text = try? String(contentsOfFile: out, encoding: .utf8),
              let kb = Int(text.split(separator: "\n").last.map(String.init) ?? "") else { return nil }
        return (ms, kb)
    }

    private static func report(_ all: [Figures], runs: Int, cores: Int, load: (String, String)) -> String {
        var lines: [String] = []
        var t = Table("Both cores: medians of \(runs) interleaved rounds; \(cores) cores; load average (1 min) "
                      + "\(load.0) at start, \(load.1) at end", ["file", "MB", "load par ms", "load seq ms", "speedup",
                           "start par ms", "start seq ms", "speedup", "jq ms", "jq/start par", "jq/start seq",
                           "peak par MB", "peak seq MB"])
        for f in all {
            let lp = f.loadParallel.median, ls = f.loadSequential.median
            let sp = f.startParallel.median, ss = f.startSequential.median, jq = f.jq.median
            t.add([(f.file as NSString).lastPathComponent, Format.fixed(f.megabytes, 1), Format.ms(lp), Format.ms(ls),
                   Format.fixed(ls / lp, 2) + "x", Format.ms(sp), Format.ms(ss), Format.fixed(ss / sp, 2) + "x",
                   Format.ms(jq), Format.fixed(jq / sp, 2) + "x", Format.fixed(jq / ss, 2) + "x",
                   Format.fixed(Double(f.peakParallelKB) / 1024, 1), Format.fixed(Double(f.peakSequentialKB) / 1024, 1)])
        }
        lines.append(t.text.trimmingCharacters(in: .newlines))
        lines.append("  load: SnapshotLoader.load in this process. start: `adopt dump screen FILE --width 200 --height 60`, launch to exit")
        lines.append("  (seq: ADOPT_PARSE=sequential). jq: `jq length FILE`. peak: the dump's max RSS (/usr/bin/time -f %M), the largest of the rounds.")
        return lines.joined(separator: "\n")
    }
}
