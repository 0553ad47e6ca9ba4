import Foundation

/// Process start to first frame: `adopt dump screen PATH --width 200 --height 60` end to end
/// (launch, load, build the store and the app, draw the whole screen, print it, exit). It is
/// the interactive start without the terminal: the same loading and drawing code.
enum StartupBench {
    /// Whether the `adopt` next to this benchmark has the `dump` command.
    static var available: Bool {
        guard let adopt = ChildProcess.adoptPath else { return false }
        return ChildProcess.run(adopt, ["dump", "--help"])?.status == 0
    }

    /// Best of `runs`, in milliseconds; nil if `adopt` fails.
    static func measure(path: String, runs: Int) -> Double? {
        guard let adopt = ChildProcess.adoptPath else { return nil }
        var best: Double?
        for _ in 0..<runs {
            guard let outcome = ChildProcess.run(adopt, ["dump", "screen", path, "--width", "\(FrameBench.width)",
                                                         "--height", "\(FrameBench.height)"]),
                  outcome.status == 0 else { return nil }
            best = min(best ?? outcome.ms, outcome.ms)
        }
        return best
    }

    /// The shipped `Data/` of the repository: beside `Package.swift` in the current directory
    /// or above the benchmark binary (`<repo>/<scratch>/<config>/adopt-bench`).
    static var shippedData: String? {
        let fm = FileManager.default
        var roots = [fm.currentDirectoryPath]
        var dir = (ChildProcess.selfPath as NSString).deletingLastPathComponent
        for _ in 0..<5 {
            dir = (dir as NSString).deletingLastPathComponent
            roots.append(dir)
        }
        for root in roots {
            let data = (root as NSString).appendingPathComponent("Data")
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue,
               fm.fileExists(atPath: (root as NSString).appendingPathComponent("Package.swift")) {
                return data
            }
        }
        return nil
    }
}
