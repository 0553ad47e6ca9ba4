import ArgumentParser

@main
struct Adopt: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adopt",
        abstract: "A terminal dashboard of AI-model adoption across China's regions.",
        version: "0.1.0")

    func run() throws { print("adopt") }
}
