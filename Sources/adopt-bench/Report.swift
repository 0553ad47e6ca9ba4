import Foundation

/// The printed result: one table per stage and the summary against the targets.
struct Report {
    let suite: Suite

    var text: String {
        var out = [header]
        out.append(data.text)
        out.append(load.text)
        out.append(memory.text)
        out.append(frames.text)
        out.append(reload.text)
        out.append(startup.text)
        out.append(targets.text)
        if !suite.skipped.isEmpty { out.append("Skipped\n" + suite.skipped.map { "  " + $0 }.joined(separator: "\n") + "\n") }
        return out.joined(separator: "\n")
    }

    private var results: [SizeResult] { suite.results }

    private var header: String {
        #if DEBUG
        let build = "DEBUG build: figures are not representative; use swift run -c release adopt-bench"
        #else
        let build = "release build"
        #endif
        return """
            adopt-bench  \(Report.today)  \(Report.machine)  \(build)
            seed \(suite.options.seed); files generated fresh and read from the page cache; times are wall clock (monotonic)
            load average (1 min) at start \(suite.loadAtStart), at end \(Report.loadAverage): other work on the machine slows every figure

            """
    }

    private var data: Table {
        var t = Table("Synthetic data (one snapshot file per size; an earlier version is also written for the reload)",
                      ["size", "file MB", "bytes/deployment", "generate ms (both files)", "generate MB/s"])
        for r in results {
            t.add([Format.size(r.deployments), Format.fixed(r.megabytes, 1),
                   Format.fixed(Double(r.fileBytes) / Double(r.deployments), 0), Format.ms(r.generateMs),
                   Format.fixed(Double(r.generatedBytes) / 1e6 / (r.generateMs / 1000), 0)])
        }
        return t
    }

    private var load: Table {
        var t = Table("Load to a ready store (SnapshotLoader.load + Store(snapshots:); best of 3, of 2 at 1M)",
                      ["size", "load ms", "store ms", "total ms", "MB/s", "records/s",
                       "JSONDecoder ms", "vs decoder", "jq length ms", "vs jq"])
        for r in results {
            guard let l = r.loader else { continue }
            t.add([Format.size(r.deployments), Format.ms(l.loadMs), Format.ms(l.storeMs), Format.ms(l.totalMs),
                   Format.fixed(r.megabytes / (l.totalMs / 1000), 0),
                   Format.count(Double(r.deployments) / (l.totalMs / 1000)),
                   Format.ms(r.baselineMs), Format.ratio(r.speedupOverDecoder), Format.ms(r.jqMs), Format.ratio(r.speedupOverJQ)])
        }
        t.notes = ["JSONDecoder: Data(contentsOf:) + JSONDecoder().decode into plain Codable structs (best of 3, 1 run at 1M).",
                   "vs: how many times faster adopt's loader is (higher is better). jq: `jq length FILE`, launch to exit."]
        return t
    }

    private var memory: Table {
        var t = Table("Peak resident memory (child process: load, store, app, one 200x60 frame; minus an empty child)",
                      ["size", "peak MB", "empty MB", "bytes/deployment"])
        for r in results {
            guard let m = r.memory else { t.add([Format.size(r.deployments), "-", "-", "-"]); continue }
            t.add([Format.size(r.deployments), Format.fixed(Double(m.peakBytes) / 1e6, 1),
                   Format.fixed(Double(m.emptyBytes) / 1e6, 1), Format.fixed(m.bytesPerDeployment, 0)])
        }
        return t
    }

    private var frames: Table {
        let actions = FrameBench.actions
        var t = Table("Key press to finished frame at 200x60 (App.handle + App.render; ms, median / p99)",
                      ["size", "app init ms", "first frame ms"] + actions.map(\.name) + ["presses"])
        for r in results {
            var row = [Format.size(r.deployments), Format.ms(r.appInitMs), Format.ms(r.firstFrameMs)]
            row += r.frames.map { "\(Format.ms($0.samples.median)) / \(Format.ms($0.samples.p99))" }
            row.append(r.frames.map { String($0.samples.count) }.joined(separator: ","))
            t.add(row)
        }
        t.notes = actions.map { "\($0.name): \($0.note)" }
            + ["p99 is the nearest-rank 99th percentile; with fewer than 100 presses it is the maximum."]
        return t
    }

    private var reload: Table {
        var t = Table("Background reload of a changed snapshot (AdoptLive.Reloader.reloadNow, to the new state delivered)",
                      ["size", "reload ms (main idle)", "reload ms (main pressing keys)", "key-to-frame during, median", "p99", "presses"])
        for r in results {
            guard let f = r.reload else { t.add([Format.size(r.deployments), "-", "-", "-", "-", "-"]); continue }
            t.add([Format.size(r.deployments), Format.ms(f.idleReloadMs), Format.ms(f.reloadMs), Format.ms(f.framesDuring.median),
                   Format.ms(f.framesDuring.p99), String(f.framesDuring.count)])
        }
        t.notes = ["main idle: this thread waits. main pressing keys: it presses arrow keys (timed as above) until the new state arrives."]
        return t
    }

    private var startup: Table {
        var t = Table("Process start to first frame (`adopt dump screen PATH --width 200 --height 60`, launch to exit; best of 3, of 2 at 1M, of 5 for Data/)",
                      ["data", "ms", "in-process estimate ms"])
        if let ms = suite.shippedStartupMs { t.add(["shipped Data/", Format.ms(ms), "-"]) }
        for r in results {
            t.add([Format.size(r.deployments), Format.ms(r.startupMs), Format.ms(r.inProcessFirstFrameMs)])
        }
        t.notes = ["in-process estimate: load + store + app init + first frame, measured in this process."]
        return t
    }

    private var targets: Table {
        var t = Table("Targets", ["target", "figure", "result"])
        guard let r = results.max(by: { $0.deployments < $1.deployments }) else { return t }
        let at = r.deployments == 1_000_000 ? "" : " (at \(Format.size(r.deployments)); 1M not measured)"
        func verdict(_ ok: Bool?) -> String { ok.map { $0 ? "PASS" : "FAIL" } ?? "n/a" }
        let firstFrame = r.startupMs ?? r.inProcessFirstFrameMs
        t.add(["1M: process start to first frame <= 2.5 s" + at,
               firstFrame.map { Format.ms($0) + " ms" + (r.startupMs == nil ? " (in-process)" : "") } ?? "-",
               verdict(firstFrame.map { $0 <= 2500 })])
        t.add(["1M: load >= 3x faster than JSONDecoder" + at, Format.ratio(r.speedupOverDecoder),
               verdict(r.speedupOverDecoder.map { $0 >= 3 })])
        t.add(["1M: load >= 2x faster than jq length" + at, Format.ratio(r.speedupOverJQ),
               verdict(r.speedupOverJQ.map { $0 >= 2 })])
        t.add(["peak memory <= 500 bytes/deployment" + at,
               r.memory.map { Format.fixed($0.bytesPerDeployment, 0) + " B" } ?? "-",
               verdict(r.memory.map { $0.bytesPerDeployment <= 500 })])
        t.add(["1M: key press to frame p99 < 5 ms (worst action but search)" + at,
               r.worstP99.map { Format.ms($0) + " ms" } ?? "-", verdict(r.worstP99.map { $0 < 5 })])
        t.add(["shipped data: first frame < 100 ms", suite.shippedStartupMs.map { Format.ms($0) + " ms" } ?? "-",
               verdict(suite.shippedStartupMs.map { $0 < 100 })])
        return t
    }

    /// The 1-minute load average from /proc/loadavg ("?" elsewhere).
    static var loadAverage: String {
        ((try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first).map(String.init) ?? "?"
    }

    static var today: String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyy-MM-dd"
        return f.string(from: Date())
    }

    /// "AMD EPYC, 2 cores".
    static var machine: String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1).last!.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
    }
}
