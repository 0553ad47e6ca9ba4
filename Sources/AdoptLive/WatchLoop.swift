#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Foundation

/// The watcher's state and its blocking loop. Set up on the caller's thread (so a change made
/// right after `DirectoryWatcher.init` returns is seen), then owned by the watcher thread alone.
///
/// While every directory is watched by inotify and nothing is pending, the loop blocks in
/// `poll` with no timeout: an idle watcher costs nothing. It wakes on a kernel event, at a
/// debounce deadline, or every `pollInterval` for directories it cannot watch (the polling
/// fallback, or a directory that has disappeared until it comes back).
final class WatchLoop: @unchecked Sendable {
    private struct Directory {
        let path: String
        var targets: [WatchTarget]
        var watch: Int32?
        /// The last listing while polling; nil while watched by inotify or missing.
        var stamps: [String: FileStamp]?
        /// Where the path led when last looked (through symlinks); nil when it led nowhere.
        var identity: PathIdentity?
        /// The path goes through a symlink: it is re-resolved every `pollInterval`, because a
        /// watch follows the directory it was made on, not the path (a swapped `current`
        /// symlink, a Kubernetes ConfigMap's `..data`).
        var viaLink: Bool

        func keeps(_ name: String) -> Bool { targets.contains { $0.reportedPath(forName: name) != nil } }
        func reportedPaths(forName name: String) -> [String] { targets.compactMap { $0.reportedPath(forName: name) } }
        /// What to report when anything in the directory may have changed.
        var wholePaths: [String] { targets.map(\.path) }
    }

    private var directories: [String: Directory] = [:]
    private var keysByWatch: [Int32: [String]] = [:]
    private let inotify: Inotify?
    private var debouncer: Debouncer
    private let pollInterval: UInt64
    private var nextPoll: UInt64
    private let stop: StopPipe
    private let onChange: @Sendable (Set<String>) -> Void

    var usesNotifications: Bool { inotify != nil }

    init(targets: [WatchTarget], inotify: Inotify?, quiet: UInt64, pollInterval: UInt64,
         stop: StopPipe, onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.inotify = inotify
        self.debouncer = Debouncer(quiet: quiet)
        self.pollInterval = pollInterval
        self.stop = stop
        self.onChange = onChange
        for target in targets {
            directories[target.directoryKey, default: Directory(path: target.directory, targets: [],
                                                                 viaLink: PathIdentity.goesThroughLink(target.directory))]
                .targets.append(target)
        }
        for key in directories.keys {
            var d = directories[key]!
            d.identity = PathIdentity(d.path)
            if let wd = inotify?.watch(d.path) {
                d.watch = wd
                keysByWatch[wd, default: []].append(key)
            } else {
                d.stamps = FileStamp.entries(of: d.path, keep: d.keeps)
            }
            directories[key] = d
        }
        nextPoll = WatchLoop.now() + pollInterval
    }

    static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    private var needsPolling: Bool { directories.values.contains { $0.watch == nil || $0.viaLink } }

    /// Runs until the stop pipe is written to.
    func run() {
        while true {
            var now = WatchLoop.now()
            let due = debouncer.takeDue(now: now)
            if !due.isEmpty { onChange(due) }
            if needsPolling && now >= nextPoll {
                followLinks(now: now)
                pollUnwatched(now: now)
                nextPoll = now + pollInterval
            }

            var deadline = debouncer.nextDeadline
            if needsPolling { deadline = min(deadline ?? .max, nextPoll) }
            now = WatchLoop.now()
            let timeout: Int32 = deadline.map { d in
                d <= now ? 0 : Int32(clamping: (d - now + 999_999) / 1_000_000)
            } ?? -1

            var fds = [pollfd(fd: stop.readFD, events: Int16(POLLIN), revents: 0)]
            if let inotify { fds.append(pollfd(fd: inotify.fd, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return // EINVAL or ENOMEM: nothing sensible left to do; the data stays as it is
            }
            if fds[0].revents != 0 { return }
            if fds.count > 1, fds[1].revents != 0, let inotify {
                handle(inotify.read(), now: WatchLoop.now())
            }
        }
    }

    private func handle(_ events: [Inotify.Event], now: UInt64) {
        for event in events {
            if event.isOverflow {
                for (key, d) in directories { debouncer.note(d.wholePaths, in: key, now: now) }
                continue
            }
            guard let keys = keysByWatch[event.watch] else { continue } // an old watch's last words
            if event.isWatchRemoved || event.isDirectoryGone {
                keysByWatch[event.watch] = nil
                // A moved directory's watch would follow it to its new name; drop it and
                // watch the path again when something is there.
                if event.isDirectoryMoved { inotify?.unwatch(event.watch) }
                for key in keys {
                    directories[key]?.watch = nil
                    directories[key]?.stamps = nil
                    if let d = directories[key] { debouncer.note(d.wholePaths, in: key, now: now) }
                }
                nextPoll = now // look for a replacement at once
                continue
            }
            for key in keys {
                if let d = directories[key] { debouncer.note(d.reportedPaths(forName: event.name), in: key, now: now) }
            }
        }
    }

    /// For paths through a symlink: where the path leads now. When it leads to another
    /// directory (the link was swapped, the target replaced), the old watch is dropped, the
    /// new directory watched, and everything under the path reported, so the reload reads
    /// the new target's files. Noticed within one `pollInterval`, inotify or not.
    private func followLinks(now: UInt64) {
        for key in directories.keys where directories[key]?.viaLink == true {
            var d = directories[key]!
            let identity = PathIdentity(d.path)
            guard identity != d.identity else { continue }
            d.identity = identity
            if let wd = d.watch {
                inotify?.unwatch(wd)
                keysByWatch[wd]?.removeAll { $0 == key }
                if keysByWatch[wd]?.isEmpty ?? false { keysByWatch[wd] = nil }
                d.watch = nil
            }
            if let inotify, let wd = inotify.watch(d.path) {
                d.watch = wd
                d.stamps = nil
                keysByWatch[wd, default: []].append(key)
            } else {
                d.stamps = FileStamp.entries(of: d.path, keep: d.keeps)
            }
            directories[key] = d
            debouncer.note(d.wholePaths, in: key, now: now)
        }
    }

    /// For directories inotify is not watching: watch them if possible now (a directory that
    /// came back), otherwise compare their listing with the last one.
    private func pollUnwatched(now: UInt64) {
        for key in directories.keys where directories[key]?.watch == nil {
            var d = directories[key]!
            if let inotify, let wd = inotify.watch(d.path) {
                d.watch = wd
                d.stamps = nil
                keysByWatch[wd, default: []].append(key)
                debouncer.note(d.wholePaths, in: key, now: now)
            } else {
                let listing = FileStamp.entries(of: d.path, keep: d.keeps)
                switch (d.stamps, listing) {
                case (nil, nil):
                    break
                case (nil, _), (_, nil):
                    debouncer.note(d.wholePaths, in: key, now: now) // appeared or disappeared
                case let (old?, new?):
                    let names = FileStamp.changedNames(old, new)
                    if !names.isEmpty { debouncer.note(names.flatMap(d.reportedPaths), in: key, now: now) }
                }
                d.stamps = listing
            }
            directories[key] = d
        }
    }
}

/// Where a path leads: the directory's device and inode after following every symlink, and
/// the resolved path. Two looks that differ mean the path now names another directory.
struct PathIdentity: Equatable, Sendable {
    let device: UInt64
    let inode: UInt64
    let resolved: String

    /// nil when the path leads nowhere (missing, a dangling link).
    init?(_ path: String) {
        var st = stat()
        guard stat(path, &st) == 0, let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
        resolved = String(cString: real)
    }

    /// Whether the path or any directory above it is a symlink (checked once, at start).
    static func goesThroughLink(_ path: String) -> Bool {
        let absolute = path.hasPrefix("/") ? path
            : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        var prefix = ""
        for part in (absolute as NSString).standardizingPath.split(separator: "/") {
            prefix += "/" + part
            var st = stat()
            if lstat(prefix, &st) == 0, (st.st_mode & S_IFMT) == S_IFLNK { return true }
        }
        return false
    }
}
