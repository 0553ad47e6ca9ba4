import Foundation

// adopt-bench: load, memory, key-to-frame, reload and startup figures at scale.
// Run it in release mode: swift run -c release adopt-bench [--quick]

switch BenchOptions.parse(Array(CommandLine.arguments.dropFirst())) {
case .failure(let error):
    FileHandle.standardError.write(Data("adopt-bench: \(error.message)\n\n\(BenchOptions.usage)\n".utf8))
    exit(2)
case .success(let options):
    switch options.mode {
    case .help:
        print(BenchOptions.usage)
    case .cores(let files, let runs):
        exit(CoresBench.run(files: files, runs: runs))
    case .history(let directories, let runs):
        exit(HistoryBench.run(directories: directories, runs: runs))
    case .progress(let files, let runs):
        exit(ProgressBench.run(files: files, runs: runs))
    case .feedLoad(let url, let clients, let seconds):
        exit(FeedLoadBench.run(url: url, clients: clients, seconds: seconds))
    case .childLoad(let file):
        exit(MemoryBench.runChild(file: file))
    case .childEmpty:
        exit(MemoryBench.runChild(file: nil))
    case .childKeys(let file, let action, let presses):
        exit(FrameBench.runChild(file: file, actionName: action, presses: presses))
    case .childAnalysis(let file, let samples):
        exit(AnalysisBench.runChild(file: file, samples: samples))
    case .suite:
        var suite = Suite(options: options)
        do {
            try suite.run()
        } catch {
            FileHandle.standardError.write(Data("adopt-bench: \(error)\n".utf8))
            print(Report(suite: suite).text)
            exit(1)
        }
        print(Report(suite: suite).text)
    }
}
