import AdoptCore
import Foundation

/// The whole benchmark: for each size, generate, then measure each stage; then print the tables
/// and the targets.
struct Suite {
    let options: BenchOptions
    private(set) var results: [SizeResult] = []
    private(set) var shippedStartupMs: Double?
    private(set) var skipped: [String] = []
    /// The machine's load when the run began (the benchmark shares the machine).
    let loadAtStart = Report.loadAverage

    init(options: BenchOptions) { self.options = options }

    static func progress(_ text: String) {
        FileHandle.standardError.write(Data(("adopt-bench: " + text + "\n").utf8))
    }

    mutating func run() throws {
        let root = options.directory
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("adopt-bench-\(getpid())")
        defer {
            if options.directory == nil && !options.keep { try? FileManager.default.removeItem(atPath: root) }
        }
        let startup = StartupBench.available
        if !startup {
            skipped.append("startup: `adopt dump` is not available next to adopt-bench; build it with "
                           + "`swift build -c release --product adopt` (same --scratch-path)")
        }
        if !FileManager.default.isExecutableFile(atPath: LoadBench.jqPath) {
            skipped.append("jq: \(LoadBench.jqPath) not installed")
        }
        for size in options.sizes {
            results.append(try measure(size: size, root: root, startup: startup))
        }
        if startup, let data = StartupBench.shippedData {
            shippedStartupMs = StartupBench.measure(path: data, runs: 5)
            Suite.progress("shipped Data/: start to first frame \(Format.ms(shippedStartupMs)) ms")
        } else if startup {
            skipped.append("startup on shipped data: Data/ not found")
        }
    }

    private func measure(size: Int, root: String, startup: Bool) throws -> SizeResult {
        var r = SizeResult(deployments: size)
        let label = Format.size(size)
        let big = size >= 1_000_000
        let directory = (root as NSString).appendingPathComponent(label)

        // 1. Data: the first version and a changed one a week later (for the reload).
        let generator = try SyntheticGenerator(deployments: size, snapshots: 2, seed: options.seed)
        let (paths, generateMs) = try timed { try generator.write(to: directory) }
        let before = paths[0], file = paths[1]
        r.generateMs = generateMs
        r.fileBytes = fileSize(file)
        r.generatedBytes = paths.map(fileSize).reduce(0, +)
        Suite.progress("\(label): generated \(Format.fixed(r.megabytes, 1)) MB (+ an earlier version) in \(Format.ms(generateMs)) ms")

        // 2. Loader to a ready store.
        var (loader, store, problems) = LoadBench.loader(file: file, runs: big ? 2 : 3)
        guard problems.isEmpty, store.current.deployments.count == size else {
            for p in problems.prefix(10) { Suite.progress(p.description) }
            throw BenchFailure("\(label): the generated file did not load cleanly (\(problems.count) problems, "
                               + "\(store.current.deployments.count) deployments)")
        }
        r.loader = loader
        Suite.progress("\(label): loader \(Format.ms(loader.totalMs)) ms (load \(Format.ms(loader.loadMs)) + store \(Format.ms(loader.storeMs)))")

        // 3-4. Baselines.
        r.baselineMs = LoadBench.jsonDecoder(file: file, runs: big ? 1 : 3, expecting: size)
        Suite.progress("\(label): JSONDecoder \(Format.ms(r.baselineMs)) ms")
        r.jqMs = LoadBench.jq(file: file, runs: big ? 1 : 3)
        Suite.progress("\(label): jq length \(Format.ms(r.jqMs)) ms")

        // 6. Key to frame, on the store the loader built.
        do {
            var (app, initMs, frameMs) = FrameBench.makeApp(store: store, path: file)
            r.appInitMs = initMs
            r.firstFrameMs = frameMs
            for action in FrameBench.actions {
                let samples = FrameBench.run(action, on: &app, iterations: options.iterations,
                                             budgetSeconds: options.budgetSeconds, minimum: BenchOptions.minimumIterations)
                r.frames.append((action, samples))
                Suite.progress("\(label): \(action.name): median \(Format.ms(samples.median)) ms, p99 \(Format.ms(samples.p99)) ms (\(samples.count) presses)")
            }
        }
        store = Store(snapshots: [])   // free the data before the next stages

        // 5. Peak memory, in child processes.
        r.memory = MemoryBench.measure(file: file)
        Suite.progress("\(label): peak memory \(Format.fixed(r.memory?.bytesPerDeployment, 0)) bytes per deployment")

        // 7. Background reload.
        r.reload = ReloadBench.measure(before: before, after: file, workDirectory: directory)
        Suite.progress("\(label): reload \(Format.ms(r.reload?.idleReloadMs)) ms idle, \(Format.ms(r.reload?.reloadMs)) ms while pressing keys")

        // 8. Process start to first frame.
        if startup {
            r.startupMs = StartupBench.measure(path: file, runs: big ? 2 : 3)
            Suite.progress("\(label): start to first frame \(Format.ms(r.startupMs)) ms")
        }
        if options.directory == nil && !options.keep { try? FileManager.default.removeItem(atPath: directory) }
        return r
    }

    private func fileSize(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
