#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What the polling fallback compares to notice a change: inode (a rename into place),
/// size and modification time to the nanosecond.
struct FileStamp: Sendable, Equatable {
    let inode: UInt64
    let size: Int64
    let seconds: Int
    let nanoseconds: Int

    /// nil when the file cannot be stat'ed (gone, or no permission).
    init?(path: String) {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        inode = UInt64(s.st_ino)
        size = Int64(s.st_size)
        #if canImport(Darwin)
        seconds = Int(s.st_mtimespec.tv_sec); nanoseconds = Int(s.st_mtimespec.tv_nsec)
        #else
        seconds = Int(s.st_mtim.tv_sec); nanoseconds = Int(s.st_mtim.tv_nsec)
        #endif
    }

    /// The stamps of a directory's entries that `keep` accepts; nil when the directory cannot
    /// be listed (it disappeared, or is not a directory any more).
    static func entries(of directory: String, keep: (String) -> Bool) -> [String: FileStamp]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return nil }
        var stamps: [String: FileStamp] = [:]
        for name in names where keep(name) {
            stamps[name] = FileStamp(path: (directory as NSString).appendingPathComponent(name))
        }
        return stamps
    }

    /// Names added, removed or changed between two listings.
    static func changedNames(_ old: [String: FileStamp], _ new: [String: FileStamp]) -> Set<String> {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }
    }
}
