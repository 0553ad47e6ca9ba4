import AdoptCore
import Foundation

/// One path the program opened, as the watcher sees it: which directory to watch and which
/// names in it count, reported back as the same path strings `DataSet.files(in:)` produces.
struct WatchTarget: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Every `*.json` file in the directory (not hidden, not recursive), like `DataSet`.
        case directory
        /// One file; its parent directory is watched and other names are ignored, so a file
        /// replaced by rename (a new inode) is still seen.
        case file(name: String)
    }

    /// The path as opened.
    let path: String
    /// The directory to watch.
    let directory: String
    let kind: Kind

    init(path: String) {
        self.path = path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        // A path that does not exist yet is taken for a file when it is named like one.
        if exists ? isDirectory.boolValue : !path.hasSuffix(".json") {
            directory = path
            kind = .directory
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            directory = parent.isEmpty ? "." : parent
            kind = .file(name: (path as NSString).lastPathComponent)
        }
    }

    /// The path to report for an entry of the directory, nil for names this target ignores.
    func reportedPath(forName name: String) -> String? {
        switch kind {
        case .directory:
            guard DataSet.isSnapshotName(name) else { return nil }
            return (path as NSString).appendingPathComponent(name)
        case .file(let wanted):
            return name == wanted ? path : nil
        }
    }

    /// A key under which two spellings of one directory ("Data", "./Data/") watch together.
    var directoryKey: String {
        let absolute = directory.hasPrefix("/")
            ? directory
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(directory)
        return (absolute as NSString).standardizingPath
    }
}
