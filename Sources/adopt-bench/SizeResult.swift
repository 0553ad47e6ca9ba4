/// Everything measured for one size; nil where a stage was skipped or failed.
struct SizeResult {
    let deployments: Int
    var fileBytes = 0
    /// Both snapshot files (the first version and the changed one).
    var generatedBytes = 0
    var generateMs = 0.0
    var loader: LoadBench.LoaderFigures?
    var baselineMs: Double?
    var jqMs: Double?
    var memory: MemoryBench.Figures?
    var appInitMs: Double?
    var firstFrameMs: Double?
    var frames: [(action: FrameBench.Action, samples: Samples)] = []
    var reload: ReloadBench.Figures?
    var startupMs: Double?

    var megabytes: Double { Double(fileBytes) / 1e6 }

    /// Load to a ready store, then the app and its first frame, in this process.
    var inProcessFirstFrameMs: Double? {
        guard let loader, let appInitMs, let firstFrameMs else { return nil }
        return loader.totalMs + appInitMs + firstFrameMs
    }

    var speedupOverDecoder: Double? {
        guard let loader, let baselineMs else { return nil }
        return baselineMs / loader.totalMs
    }

    var speedupOverJQ: Double? {
        guard let loader, let jqMs else { return nil }
        return jqMs / loader.totalMs
    }

    /// The slowest navigation action's 99th percentile (every action is one; see `Action.navigation`).
    var worstP99: Double? { frames.filter(\.action.navigation).map(\.samples.p99).max() }
}
