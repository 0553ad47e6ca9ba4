import Foundation

/// One run of the real dashboard (`adopt PATH`) in a pseudo-terminal of 200x60, watched
/// through the dashboard's `ADOPT_BENCH_PROBE` file (`BenchProbe` in AdoptTerminal): when its
/// first frame of any kind and its first frame of data reached the terminal, when history was
/// complete, how fast it answered keys typed while it loaded, and its peak resident memory.
///
/// Keys: an arrow key every `keyInterval` from launch until both the first frame and
/// `history-loaded` are in, each answered by the first `key-frame` after it; a key with no
/// `key-frame` after it by the end is counted as lost.
struct DashboardRun {
    /// Milliseconds from launch; nil when the mark never came.
    var firstPaintMs: Double?
    var firstFrameMs: Double?
    var historyMs: Double?
    /// Key press to the frame answering it, for keys typed before history was complete.
    var keys = Samples()
    var keysLost = 0
    /// VmHWM of the dashboard once history was complete, in bytes.
    var peakBytes: Int?
    /// Launch to the new state applied, for `reload(adding:)`, in milliseconds.
    var reloadMs: Double?
    var failure: String?

    static let keyInterval = 0.1
    /// Down arrow: moves the cursor, nothing more.
    static let key: [UInt8] = [0x1B, 0x5B, 0x42]

    /// Runs `adopt PATH`, waits (up to `timeout` seconds) for its first frame and, when
    /// `waitForHistory`, for `history-loaded`, typing keys meanwhile; then, when `adding` is given, links that file into PATH (a
    /// directory) and waits for the reload; then reads the peak memory and quits with `q`.
    static func run(adopt: String, path: String, waitForHistory: Bool = true, adding newFile: String? = nil,
                    timeout: Double = 900) -> DashboardRun {
        var result = DashboardRun()
        let probe = NSTemporaryDirectory() + "adopt-bench-probe-\(getpid())-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: probe) }
        guard let terminal = PseudoTerminal(width: FrameBench.width, height: FrameBench.height),
              let slave = terminal.openSlave() else {
            result.failure = "no pseudo-terminal"
            return result
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: adopt)
        process.arguments = [path]
        var environment = ProcessInfo.processInfo.environment
        environment["ADOPT_BENCH_PROBE"] = probe
        environment["TERM"] = "xterm-256color"
        for name in ["TMUX", "STY", "NO_COLOR"] { environment[name] = nil }
        process.environment = environment
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        terminal.startDraining()
        let start = MonotonicClock.now()
        do { try process.run() } catch {
            result.failure = "cannot start \(adopt): \(error)"
            return result
        }
        try? slave.close()
        let pid = process.processIdentifier
        func ms(_ t: Int64) -> Double { Double(t - start) / 1e6 }

        var sent: [Int64] = []
        var nextKey = start + Int64(keyInterval * 1e9) / 2
        var marks = ProbeMarks()
        let deadline = start + Int64(timeout * 1e9)
        // Until the data is on screen and history is complete: type, watch.
        while process.isRunning, MonotonicClock.now() < deadline {
            marks = ProbeMarks(file: probe)
            if marks.firstFrame != nil && (marks.history != nil || !waitForHistory) { break }
            let now = MonotonicClock.now()
            if now >= nextKey, sent.count < 2000 {
                terminal.type(key)
                sent.append(now)
                nextKey = now + Int64(keyInterval * 1e9)
            }
            usleep(2000)
        }
        // The keys typed get their frames once the loop reads them.
        let settle = MonotonicClock.now() + 2_000_000_000
        while process.isRunning, MonotonicClock.now() < settle,
              let last = sent.last, !ProbeMarks(file: probe).keyFrames.contains(where: { $0 > last }) {
            usleep(5000)
        }
        marks = ProbeMarks(file: probe)
        result.firstPaintMs = marks.firstPaint.map(ms)
        result.firstFrameMs = marks.firstFrame.map(ms)
        result.historyMs = marks.history.map(ms)
        for t in sent {
            if let answer = marks.keyFrames.first(where: { $0 > t }) { result.keys.add(Double(answer - t) / 1e6) } else { result.keysLost += 1 }
        }

        if let newFile, process.isRunning, marks.firstFrame != nil {
            let target = (path as NSString).appendingPathComponent((newFile as NSString).lastPathComponent)
            let before = ProbeMarks(file: probe).reloads.count
            let added = MonotonicClock.now()
            if link(newFile, target) != 0 {
                result.failure = "cannot link \(newFile) into \(path): \(String(cString: strerror(errno)))"
            } else {
                while process.isRunning, MonotonicClock.now() < deadline {
                    let reloads = ProbeMarks(file: probe).reloads
                    if reloads.count > before, let t = reloads.last, t > added {
                        result.reloadMs = Double(t - added) / 1e6
                        break
                    }
                    usleep(2000)
                }
            }
        }

        result.peakBytes = peakResident(pid: pid)
        terminal.type([UInt8(ascii: "q")])
        let quitBy = MonotonicClock.now() + 10_000_000_000
        while process.isRunning, MonotonicClock.now() < quitBy { usleep(5000) }
        if process.isRunning {
            kill(pid, SIGKILL)
            result.failure = result.failure ?? "did not quit on q"
        }
        process.waitUntilExit()
        terminal.waitForDrain(seconds: 2)
        if result.firstFrameMs == nil { result.failure = result.failure ?? "no first frame (exit \(process.terminationStatus))" }
        return result
    }

    /// VmHWM of a running process, in bytes.
    static func peakResident(pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kb = Int(line.split(whereSeparator: \.isWhitespace)[1]) else { return nil }
        return kb * 1024
    }
}

/// The lines of an `ADOPT_BENCH_PROBE` file: `EVENT NANOSECONDS`.
struct ProbeMarks {
    var firstPaint: Int64?
    var firstFrame: Int64?
    var history: Int64?
    var keyFrames: [Int64] = []
    var reloads: [Int64] = []

    init() {}

    init(file: String) {
        self.init(text: (try? String(contentsOfFile: file, encoding: .utf8)) ?? "")
    }

    init(text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ")
            guard parts.count == 2, let t = Int64(parts[1]) else { continue }
            switch parts[0] {
            case "first-paint": firstPaint = firstPaint ?? t
            case "first-frame": firstFrame = firstFrame ?? t
            case "history-loaded": history = history ?? t
            case "key-frame": keyFrames.append(t)
            case "reload-applied": reloads.append(t)
            default: break
            }
        }
    }
}
