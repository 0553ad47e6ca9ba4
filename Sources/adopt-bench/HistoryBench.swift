import AdoptCore
import Foundation

/// A directory of snapshots beside its newest file alone (`adopt-bench --history DIR,...
/// --runs N`): the real dashboard, `adopt PATH` in a pseudo-terminal (`DashboardRun`), from
/// launch to its first frame and to history complete, its peak memory, keys typed while it
/// loads, and the reload of a new newest file with the rest of the directory as history.
///
/// Rounds are interleaved (newest alone, then the directory) so the machine's load touches
/// both alike; figures are medians. The reload run starts the dashboard on the directory
/// without its newest file (hard links in a sibling directory), then links the newest in.
enum HistoryBench {
    struct Figures {
        var directory = ""
        var files = 0
        var megabytes = 0.0
        var newest = ""
        var newestMegabytes = 0.0
        var alone: [DashboardRun] = []
        var all: [DashboardRun] = []
        var reloads: [DashboardRun] = []
        var failures: [String] = []
    }

    static func run(directories: [String], runs: Int) -> Int32 {
        guard let adopt = ChildProcess.adoptPath else {
            FileHandle.standardError.write(Data("adopt-bench: build `adopt` next to adopt-bench first\n".utf8))
            return 1
        }
        let loadAtStart = Report.loadAverage
        var results: [Figures] = []
        for directory in directories {
            guard let f = measure(adopt: adopt, directory: directory, runs: runs) else { return 1 }
            results.append(f)
        }
        print(report(results, runs: runs, load: (loadAtStart, Report.loadAverage)))
        return results.contains { !$0.failures.isEmpty } ? 1 : 0
    }

    /// The snapshot files of a directory, oldest first by name (generated files are named
    /// by their `asOf`).
    static func snapshotFiles(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter(DataSet.isSnapshotName).sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }

    private static func measure(adopt: String, directory: String, runs: Int) -> Figures? {
        let files = snapshotFiles(in: directory)
        guard let newest = files.last, files.count >= 2 else {
            FileHandle.standardError.write(Data("adopt-bench: \(directory) needs two snapshot files or more\n".utf8))
            return nil
        }
        var f = Figures(directory: directory, files: files.count, newest: newest)
        f.megabytes = Double(files.map(fileSize).reduce(0, +)) / 1e6
        f.newestMegabytes = Double(fileSize(newest)) / 1e6
        let label = (directory as NSString).lastPathComponent
        for round in 1...runs {
            let alone = DashboardRun.run(adopt: adopt, path: newest, waitForHistory: false)
            let all = DashboardRun.run(adopt: adopt, path: directory)
            f.alone.append(alone)
            f.all.append(all)
            f.failures += [alone.failure, all.failure].compactMap { $0 }
            Suite.progress("\(label) round \(round): first frame \(Format.ms(alone.firstFrameMs)) / \(Format.ms(all.firstFrameMs)) ms, "
                           + "history \(Format.ms(all.historyMs)) ms, peak \(mb(alone.peakBytes)) / \(mb(all.peakBytes)) MB, "
                           + "keys \(all.keys.count) answered (median \(Format.ms(all.keys.count > 0 ? all.keys.median : nil)) ms), \(all.keysLost) lost")
            // The reload: the directory without its newest file, then the newest linked in.
            let staging = (directory as NSString).deletingLastPathComponent + "/.adopt-bench-reload-\(getpid())"
            try? FileManager.default.removeItem(atPath: staging)
            do {
                try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
                for file in files.dropLast() {
                    try FileManager.default.linkItem(atPath: file, toPath: (staging as NSString).appendingPathComponent((file as NSString).lastPathComponent))
                }
                let reload = DashboardRun.run(adopt: adopt, path: staging, adding: newest)
                f.reloads.append(reload)
                if let failure = reload.failure { f.failures.append(failure) }
                Suite.progress("\(label) round \(round): reload of the newest with \(files.count - 1) files of history \(Format.ms(reload.reloadMs)) ms")
            } catch {
                f.failures.append("reload staging: \(error)")
            }
            try? FileManager.default.removeItem(atPath: staging)
        }
        return f
    }

    private static func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    private static func mb(_ bytes: Int?) -> String { Format.fixed(bytes.map { Double($0) / 1e6 }, 0) }

    /// The median of the runs' figures that came (nil when none did).
    private static func median(_ runs: [DashboardRun], _ figure: (DashboardRun) -> Double?) -> Double? {
        var s = Samples()
        for r in runs { if let v = figure(r) { s.add(v) } }
        return s.count > 0 ? s.median : nil
    }

    private static func report(_ results: [Figures], runs: Int, load: (String, String)) -> String {
        var t = Table("History: the real dashboard (`adopt PATH` in a 200x60 pseudo-terminal), a directory beside its newest file alone; "
                      + "medians of \(runs) interleaved rounds; load average (1 min) \(load.0) at start, \(load.1) at end",
                      ["data", "files", "MB", "first paint ms", "first frame ms", "history ms", "peak MB",
                       "key-to-frame while loading median / p99 ms", "keys lost"])
        var r = Table("Reload of a new newest file with the rest of the directory as history (link into the watched directory "
                      + "to the new state applied; medians)", ["data", "history files", "reload ms", "newest alone first frame ms", "ratio"])
        var notes: [String] = []
        for f in results {
            let label = (f.directory as NSString).lastPathComponent
            var keys = Samples(), lost = 0
            for run in f.all { for v in run.keys.ms { keys.add(v) }; lost += run.keysLost }
            var keysAlone = Samples(), lostAlone = 0
            for run in f.alone { for v in run.keys.ms { keysAlone.add(v) }; lostAlone += run.keysLost }
            func keyText(_ s: Samples) -> String { s.count > 0 ? "\(Format.ms(s.median)) / \(Format.ms(s.p99)) (\(s.count))" : "-" }
            let aloneFirst = median(f.alone) { $0.firstFrameMs }, allFirst = median(f.all) { $0.firstFrameMs }
            let alonePeak = median(f.alone) { $0.peakBytes.map(Double.init) }, allPeak = median(f.all) { $0.peakBytes.map(Double.init) }
            t.add(["\(label): newest alone", "1", Format.fixed(f.newestMegabytes, 1), Format.ms(median(f.alone) { $0.firstPaintMs }),
                   Format.ms(aloneFirst), "-", Format.fixed(alonePeak.map { $0 / 1e6 }, 0), keyText(keysAlone), String(lostAlone)])
            t.add(["\(label): directory", String(f.files), Format.fixed(f.megabytes, 1), Format.ms(median(f.all) { $0.firstPaintMs }),
                   Format.ms(allFirst), Format.ms(median(f.all) { $0.historyMs }), Format.fixed(allPeak.map { $0 / 1e6 }, 0),
                   keyText(keys), String(lost)])
            t.add(["\(label): ratio directory / newest", "", "", "", ratio(allFirst, aloneFirst), "", ratio(allPeak, alonePeak), "", ""])
            let reload = median(f.reloads) { $0.reloadMs }
            r.add([label, String(f.files - 1), Format.ms(reload), Format.ms(aloneFirst), ratio(reload, aloneFirst)])
            notes += f.failures.map { "  \(label): \($0)" }
        }
        t.notes = ["first paint: the first frame of any kind (a loading screen, once there is one); first frame: the run loop's first frame, the data.",
                   "history: launch to `history-loaded` (every snapshot read; before the first frame when history is not deferred).",
                   "peak: the dashboard's VmHWM once history is complete. key-to-frame: a Down arrow every 100 ms from launch until the",
                   "first frame and history are both in, each to the first frame drawn after keys were read (count in brackets);",
                   "keys lost: typed but never answered. Targets: first frame ratio <= 1.25, peak ratio <= 1.5, key-to-frame p99 < 5 ms."]
        r.notes = ["reload ms includes the watcher's debounce; ratio: reload / the newest file's first frame alone (target: about 1, the changed file's cost)."]
        var out = t.text + "\n" + r.text
        if !notes.isEmpty { out += "\nFailures\n" + notes.joined(separator: "\n") + "\n" }
        return out
    }

    private static func ratio(_ a: Double?, _ b: Double?) -> String {
        guard let a, let b, b > 0 else { return "-" }
        return Format.ratio(a / b)
    }
}
