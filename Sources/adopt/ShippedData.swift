import Foundation

/// Finds the shipped `Data/` directory when no path is given.
enum ShippedData {
    /// `./Data`, else a `Data/` beside `Package.swift` in a directory above the executable
    /// (the binary lives in `.build/<config>/adopt` inside the repository).
    static func locate() -> String? {
        let fm = FileManager.default
        func isDataDir(_ dir: String) -> Bool {
            var isDir: ObjCBool = false
            return fm.fileExists(atPath: dir, isDirectory: &isDir) && isDir.boolValue
        }
        if isDataDir("Data") { return "Data" }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Data").path
            if isDataDir(candidate), fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                return candidate
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
