import Foundation

/// Running other programs (jq, `adopt dump`, this benchmark in a child mode) and timing them
/// from launch to exit.
enum ChildProcess {
    struct Outcome {
        let status: Int32
        let ms: Double
        let output: String
    }

    /// Runs `path` with `arguments`; standard output is captured when `capture`, else
    /// discarded (so printing a large result does not count against the program).
    static func run(_ path: String, _ arguments: [String], capture: Bool = false) -> Outcome? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = capture ? pipe : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Clock.now()
        do { try process.run() } catch { return nil }
        let data = capture ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let ms = Clock.milliseconds(since: start)
        return Outcome(status: process.terminationStatus, ms: ms, output: String(decoding: data, as: UTF8.self))
    }

    /// This program's own executable, for spawning it in a child mode.
    static var selfPath: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if n > 0 { return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return CommandLine.arguments[0]
    }

    /// `adopt` built next to this benchmark (same build directory), if it is there.
    static var adoptPath: String? {
        let path = (selfPath as NSString).deletingLastPathComponent + "/adopt"
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }
}
