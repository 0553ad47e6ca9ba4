#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes an export to a new file, never over an existing one: `NAME.csv`, else `NAME-2.csv`,
/// `NAME-3.csv`... Each name is created with O_CREAT|O_EXCL, so a file that appears between
/// looking and writing (another adopt, a second `e` in the same second) is never replaced.
public enum ExportFile {
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let path: String
        public let reason: String
        public var description: String { "cannot write \(path): \(reason)" }
    }

    /// The directory exports go to: `$ADOPT_EXPORT_DIR` if set, else the current directory.
    public static var defaultDirectory: String {
        if let dir = getenv("ADOPT_EXPORT_DIR"), let s = String(validatingCString: dir), !s.isEmpty { return s }
        return "."
    }

    /// Creates the first free name and writes `contents`; returns the path written.
    public static func create(in directory: String, base: String, contents: String) throws(Failure) -> String {
        let dir = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        for n in 1...9999 {
            let path = dir + "/" + base + (n == 1 ? "" : "-\(n)") + ".csv"
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw Failure(path: path, reason: reason(errno))
            }
            defer { close(fd) }
            var bytes = Array(contents.utf8)[...]
            while !bytes.isEmpty {
                let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(path: path, reason: reason(errno))
                }
                bytes = bytes.dropFirst(written)
            }
            return path
        }
        throw Failure(path: dir + "/" + base + ".csv", reason: "9999 files of that name already")
    }

    private static func reason(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "error \(code)"
    }
}
