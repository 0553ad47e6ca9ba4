import AdoptCore
import AdoptUI
import Foundation

/// Peak resident memory per deployment, measured in child processes so one size's figure is
/// not raised by the memory an earlier size left mapped in this process.
///
/// The child loads the file into a store, builds the app and draws one 200x60 frame (what
/// `adopt FILE` does before the first key), then reports its peak RSS. A child with no data
/// gives the program's own footprint, which is subtracted.
enum MemoryBench {
    struct Figures {
        let peakBytes: Int
        let emptyBytes: Int
        let deployments: Int
        var bytesPerDeployment: Double { Double(peakBytes - emptyBytes) / Double(max(1, deployments)) }
    }

    static func measure(file: String) -> Figures? {
        guard let empty = child(["--child-empty"]), let loaded = child(["--child-load", file]) else { return nil }
        return Figures(peakBytes: loaded.peak, emptyBytes: empty.peak, deployments: loaded.deployments)
    }

    private static func child(_ arguments: [String]) -> (peak: Int, deployments: Int)? {
        guard let outcome = ChildProcess.run(ChildProcess.selfPath, arguments, capture: true), outcome.status == 0 else {
            return nil
        }
        var fields: [String: Int] = [:]
        for part in outcome.output.split(whereSeparator: \.isWhitespace) {
            let kv = part.split(separator: "=")
            if kv.count == 2, let v = Int(kv[1]) { fields[String(kv[0])] = v }
        }
        guard let kb = fields["peak_kb"], let n = fields["deployments"] else { return nil }
        return (kb * 1024, n)
    }

    /// The child side: load (or not), draw a frame, print `peak_kb=N deployments=N`.
    static func runChild(file: String?) -> Int32 {
        var snapshots: [Snapshot] = []
        if let file {
            let result = SnapshotLoader.load(file: file)
            guard let s = result.snapshot else {
                FileHandle.standardError.write(Data("adopt-bench: \(file) did not load\n".utf8))
                return 1
            }
            snapshots = [s]
        }
        let store = Store(snapshots: snapshots)
        var app = App(store: store, dataPath: file ?? "")
        _ = app.handle(.resize(width: FrameBench.width, height: FrameBench.height))
        let grid = app.render(width: FrameBench.width, height: FrameBench.height)
        withExtendedLifetime(grid) {}
        print("peak_kb=\(peakResidentKilobytes()) deployments=\(store.current.deployments.count)")
        return 0
    }

    /// The peak resident set size of this process, in kilobytes: VmHWM from /proc/self/status
    /// on Linux. Not getrusage's ru_maxrss there: Linux carries the parent's peak across
    /// fork and exec, so a child spawned by a big parent would report the parent's figure.
    static func peakResidentKilobytes() -> Int {
        if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
           let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kb = Int(line.split(whereSeparator: \.isWhitespace)[1]) {
            return kb
        }
        var usage = rusage()
        #if os(Linux)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        #if os(macOS)
        return Int(usage.ru_maxrss) / 1024   // bytes on macOS
        #else
        return Int(usage.ru_maxrss)
        #endif
    }
}
