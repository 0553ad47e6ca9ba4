import AdoptCore
import Foundation

/// `adopt publish DIR`: validates every snapshot in DIR (and every tour in DIR/tours/) and
/// writes DIR/index.json atomically, listing only the valid files with their size and SHA-256.
/// Copying DIR to any static web server then publishes the feed.
public enum FeedPublisher {
    public struct Outcome: Sendable {
        public let index: FeedIndex
        /// Every problem of every file, in file order (invalid files are left out of the index).
        public let problems: [Problem]
        /// The file that would be the current snapshot by its `asOf` but is invalid; nil when the
        /// newest is valid. Publishing then fails: viewers would otherwise keep an older state
        /// while the pipeline believes it published a new one.
        public let invalidNewest: String?
        /// Files left out of the index.
        public let skipped: [String]
    }

    /// Reads DIR and builds its index; writes nothing.
    public static func index(directory: String, now: Date = Date(), progress: LoadProgress? = nil) -> Outcome {
        let fm = FileManager.default
        let names = ((try? fm.contentsOfDirectory(atPath: directory)) ?? []).filter(DataSet.isSnapshotName).sorted()
        var problems: [Problem] = []
        var snapshots: [FeedIndex.Entry] = []
        var skipped: [String] = []
        // The newest by the lenient `asOf` (the order the dashboard uses), valid or not.
        var newest: (asOf: Day, file: String)?
        for name in names {
            let path = (directory as NSString).appendingPathComponent(name)
            if let day = LenientHeader.asOf(file: path), newest.map({ (day, path) > ($0.asOf, $0.file) }) ?? true {
                newest = (day, path)
            }
            let result = SnapshotLoader.load(file: path, progress: progress)
            problems += result.problems
            guard let snapshot = result.snapshot, FeedIndex.isPlainFileName(name),
                  let sum = Checksum.sha256(file: path) else { skipped.append(path); continue }
            snapshots.append(FeedIndex.Entry(file: name, asOf: snapshot.asOf.description, size: sum.size, sha256: sum.digest))
        }
        let toursDirectory = (directory as NSString).appendingPathComponent("tours")
        var tours: [FeedIndex.Entry] = []
        for name in ((try? fm.contentsOfDirectory(atPath: toursDirectory)) ?? []).filter(DataSet.isSnapshotName).sorted() {
            let path = (toursDirectory as NSString).appendingPathComponent(name)
            let result = TourLoader.load(file: path)
            problems += result.problems
            guard result.tour != nil, FeedIndex.isPlainFileName(name), let sum = Checksum.sha256(file: path) else {
                skipped.append(path); continue
            }
            tours.append(FeedIndex.Entry(file: name, asOf: nil, size: sum.size, sha256: sum.digest))
        }
        let invalidNewest = newest.flatMap { n in skipped.contains(n.file) ? n.file : nil }
        let index = FeedIndex(updated: iso8601(now), snapshots: snapshots, tours: tours)
        return Outcome(index: index, problems: problems, invalidNewest: invalidNewest, skipped: skipped)
    }

    /// Writes DIR/index.json through a temp file and a rename, so a web server never serves
    /// half an index.
    public static func write(_ index: FeedIndex, directory: String) throws {
        let data = try index.encoded()
        let final = (directory as NSString).appendingPathComponent("index.json")
        let temp = (directory as NSString).appendingPathComponent(".index.json.\(getpid()).tmp")
        try AtomicFile.write(data, to: final, via: temp)
    }

    static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }
}

/// Writing a file so that readers see the old version or the new one, never half of either:
/// write a temp file beside it, flush it to disk, rename it over the old one.
enum AtomicFile {
    static func write(_ data: Data, to path: String, via temp: String) throws {
        let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var ok = true
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let r = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { ok = false; break }
                done += r
            }
        }
        if fsync(fd) != 0 { ok = false }
        close(fd)
        guard ok, rename(temp, path) == 0 else {
            let code = POSIXErrorCode(rawValue: errno) ?? .EIO
            unlink(temp)
            throw POSIXError(code)
        }
    }
}
