import AdoptCore
import ArgumentParser

/// `adopt [PATH...]`: the interactive dashboard (the default command).
struct Dashboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "The interactive dashboard (the default: `adopt` alone runs it on the shipped Data/).")

    @OptionGroup var data: DataOptions

    func run() throws {
        let paths = try data.resolvedPaths()
        let (store, path) = try loadStoreOrExit(paths: paths)
        throw ExitCode(runDashboard(store: store, dataPath: path))
    }
}
