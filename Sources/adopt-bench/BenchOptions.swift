import Foundation

/// The command line of `adopt-bench` (hand-parsed: the benchmark has no package dependencies).
struct BenchOptions {
    enum Mode {
        case suite
        /// Child mode for the memory figure: load FILE into a store, draw one frame, print
        /// the peak resident set size.
        case childLoad(String)
        /// The same with no data, to subtract the program's own footprint.
        case childEmpty
        /// For profilers: load FILE, then press one action's keys N times and print the
        /// median and p99 (`--child-keys FILE "apply filter" 500`).
        case childKeys(file: String, action: String, presses: Int)
        /// Facet counts and series passes on FILE, beside a scan baseline
        /// (`--child-analysis FILE 50`).
        case childAnalysis(file: String, samples: Int)
        /// The parallel reader beside the sequential one and jq (`--cores FILE,FILE --runs 5`).
        case cores(files: [String], runs: Int)
        /// Directories of snapshots beside their newest file alone, in the real dashboard
        /// (`--history DIR,DIR --runs 3`).
        case history(directories: [String], runs: Int)
        /// Parse time with and without progress reporting (`--progress FILE,FILE --runs 5`).
        case progress(files: [String], runs: Int)
        /// CLIENTS feed readers (`FeedMirror`, each with its own cache) polling URL every
        /// second for SECONDS (`--feed-load URL 200 30`).
        case feedLoad(url: String, clients: Int, seconds: Int)
        case help
    }

    var mode = Mode.suite
    var sizes = [10_000, 100_000, 1_000_000]
    var seed: UInt64 = 1
    /// Key presses timed per action.
    var iterations = 200
    /// At most this many seconds per action (slow stores at 1M would otherwise take hours);
    /// at least `minimumIterations` are always timed.
    var budgetSeconds = 30.0
    static let minimumIterations = 20
    /// Where the generated files go (default: a fresh temporary directory, removed at the end).
    var directory: String?
    var keep = false
    /// Rounds of `--cores`.
    var coreRuns = 5

    static let usage = """
        USAGE: adopt-bench [--quick] [--sizes N,N,...] [--seed S] [--iterations N] [--budget SECONDS]
                           [--dir DIR] [--keep]

        Generates synthetic snapshots of each size and prints load, memory, key-to-frame, reload
        and startup figures beside a JSONDecoder baseline and `jq length`, then a summary against
        the targets. Build it in release mode: swift run -c release adopt-bench

          --quick            10,000 and 100,000 deployments only
          --sizes N,N,...    deployment counts (default 10000,100000,1000000)
          --seed S           generator seed (default 1)
          --iterations N     key presses timed per action (default 200)
          --budget SECONDS   time limit per action; at least 20 presses are timed (default 30)
          --dir DIR          generate into DIR (kept) instead of a temporary directory
          --keep             keep the temporary directory

        For profiling one thing at a time (e.g. under perf record):
          --cores FILE,...  [--runs N]        parallel vs sequential reader vs jq length on FILEs (N rounds, default 5)
          --history DIR,... [--runs N]        `adopt DIR` in a pseudo-terminal beside `adopt NEWEST`: first frame,
                                             history, peak memory, keys while loading, reload of a new newest file
                                             (N rounds, default 5; generate DIR with `adopt generate --snapshots K`)
          --progress FILE,... [--runs N]      the parse with and without progress reporting (N rounds, default 5)
          --feed-load URL CLIENTS SECONDS    CLIENTS feed readers polling URL every second (read nginx's log beside it)
          --child-load FILE                  load FILE, build the app, draw a frame, print the peak RSS
          --child-keys FILE ACTION PRESSES   load FILE, then time PRESSES presses of one action
          --child-analysis FILE SAMPLES      load FILE, then time facet counts and a 6-region series
                                             ("move cursor", "step date", "apply filter", "drill down",
                                             "search")
        """

    static func parse(_ arguments: [String]) -> Result<BenchOptions, BenchUsageError> {
        var o = BenchOptions()
        var rest = arguments[...]
        func value(_ name: String) -> Result<String, BenchUsageError> {
            guard let v = rest.popFirst() else { return .failure(BenchUsageError("\(name) needs a value")) }
            return .success(v)
        }
        while let arg = rest.popFirst() {
            switch arg {
            case "--help", "-h": o.mode = .help
            case "--quick": o.sizes = [10_000, 100_000]
            case "--keep": o.keep = true
            case "--child-empty": o.mode = .childEmpty
            case "--child-keys":
                guard let file = rest.popFirst(), let action = rest.popFirst(), let n = rest.popFirst().flatMap({ Int($0) }), n > 0 else {
                    return .failure(BenchUsageError("--child-keys needs FILE ACTION PRESSES"))
                }
                o.mode = .childKeys(file: file, action: action, presses: n)
            case "--feed-load":
                guard let url = rest.popFirst(), let n = rest.popFirst().flatMap({ Int($0) }), n > 0,
                      let t = rest.popFirst().flatMap({ Int($0) }), t > 0 else {
                    return .failure(BenchUsageError("--feed-load needs URL CLIENTS SECONDS"))
                }
                o.mode = .feedLoad(url: url, clients: n, seconds: t)
            case "--child-analysis":
                guard let file = rest.popFirst(), let n = rest.popFirst().flatMap({ Int($0) }), n > 0 else {
                    return .failure(BenchUsageError("--child-analysis needs FILE SAMPLES"))
                }
                o.mode = .childAnalysis(file: file, samples: n)
            case "--cores":
                guard case .success(let v) = value(arg) else { return .failure(BenchUsageError("--cores needs FILE,FILE,...")) }
                o.mode = .cores(files: v.split(separator: ",").map(String.init), runs: o.coreRuns)
            case "--history":
                guard case .success(let v) = value(arg) else { return .failure(BenchUsageError("--history needs DIR,DIR,...")) }
                o.mode = .history(directories: v.split(separator: ",").map(String.init), runs: o.coreRuns)
            case "--progress":
                guard case .success(let v) = value(arg) else { return .failure(BenchUsageError("--progress needs FILE,FILE,...")) }
                o.mode = .progress(files: v.split(separator: ",").map(String.init), runs: o.coreRuns)
            case "--runs":
                guard case .success(let v) = value(arg), let n = Int(v), n > 0 else {
                    return .failure(BenchUsageError("--runs must be a positive integer"))
                }
                o.coreRuns = n
                if case .cores(let files, _) = o.mode { o.mode = .cores(files: files, runs: n) }
                if case .history(let directories, _) = o.mode { o.mode = .history(directories: directories, runs: n) }
                if case .progress(let files, _) = o.mode { o.mode = .progress(files: files, runs: n) }
            case "--child-load":
                switch value(arg) { case .success(let v): o.mode = .childLoad(v); case .failure(let e): return .failure(e) }
            case "--sizes", "--seed", "--iterations", "--budget", "--dir":
                guard case .success(let v) = value(arg) else { return .failure(BenchUsageError("\(arg) needs a value")) }
                switch arg {
                case "--sizes":
                    let sizes = v.split(separator: ",").compactMap { Int($0.replacingOccurrences(of: "_", with: "")) }
                    guard !sizes.isEmpty, sizes.count == v.split(separator: ",").count, sizes.allSatisfy({ $0 > 0 }) else {
                        return .failure(BenchUsageError("--sizes must be positive integers separated by commas, got \"\(v)\""))
                    }
                    o.sizes = sizes
                case "--seed":
                    guard let s = UInt64(v) else { return .failure(BenchUsageError("--seed must be a non-negative integer")) }
                    o.seed = s
                case "--iterations":
                    guard let n = Int(v), n > 0 else { return .failure(BenchUsageError("--iterations must be a positive integer")) }
                    o.iterations = n
                case "--budget":
                    guard let s = Double(v), s > 0 else { return .failure(BenchUsageError("--budget must be a positive number of seconds")) }
                    o.budgetSeconds = s
                default:
                    o.directory = v
                }
            default:
                return .failure(BenchUsageError("unknown argument \"\(arg)\""))
            }
        }
        return .success(o)
    }
}

struct BenchUsageError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
