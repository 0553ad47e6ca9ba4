#if os(Linux)
import Glibc

/// The Linux kernel's file-change notifications, wrapped thinly: one non-blocking descriptor
/// that becomes readable when something happens in a watched directory.
final class Inotify {
    struct Event {
        let watch: Int32
        let mask: UInt32
        /// The entry's name inside the watched directory; empty for events about the directory.
        let name: String

        /// The kernel dropped events: anything may have changed.
        var isOverflow: Bool { has(IN_Q_OVERFLOW) }
        /// The watch is gone (directory deleted, moved, unmounted, or unwatched).
        var isWatchRemoved: Bool { has(IN_IGNORED) }
        /// The watched directory itself was deleted or moved away.
        var isDirectoryGone: Bool { has(IN_DELETE_SELF) || has(IN_MOVE_SELF) }
        var isDirectoryMoved: Bool { has(IN_MOVE_SELF) }

        private func has(_ flag: Int32) -> Bool { mask & UInt32(bitPattern: flag) != 0 }
    }

    /// Writes finished, renames in and out, creations, deletions, in-place modifications, and
    /// the directory itself going away. IN_ONLYDIR: never watch a file by mistake.
    static let mask = UInt32(bitPattern: IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE
        | IN_MODIFY | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

    let fd: Int32

    /// nil when the kernel refuses (too many instances, or no inotify), so the caller polls.
    init?() {
        fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard fd >= 0 else { return nil }
    }

    /// The watch descriptor, nil when the directory is missing or the watch limit is reached.
    func watch(_ directory: String) -> Int32? {
        let wd = inotify_add_watch(fd, directory, Inotify.mask)
        return wd >= 0 ? wd : nil
    }

    func unwatch(_ wd: Int32) {
        _ = inotify_rm_watch(fd, wd)
    }

    /// Every event queued now (the descriptor is non-blocking: this never waits).
    func read() -> [Event] {
        var events: [Event] = []
        // Big enough for many events; aligned for the kernel's struct inotify_event.
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let n = Glibc.read(fd, buffer, capacity)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { break } // EAGAIN: drained
            var offset = 0
            // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
            while offset + 16 <= n {
                let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = UnsafeRawBufferPointer(start: buffer + offset + 16, count: min(length, n - offset - 16))
                let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                events.append(Event(watch: wd, mask: mask, name: name))
                offset += 16 + length
            }
        }
        return events
    }

    deinit { close(fd) }
}
#else
/// No inotify here: the watcher polls.
final class Inotify {
    struct Event {
        let watch: Int32
        let mask: UInt32
        let name: String
        var isOverflow: Bool { false }
        var isWatchRemoved: Bool { false }
        var isDirectoryGone: Bool { false }
        var isDirectoryMoved: Bool { false }
    }
    let fd: Int32 = -1
    init?() { return nil }
    func watch(_ directory: String) -> Int32? { nil }
    func unwatch(_ wd: Int32) {}
    func read() -> [Event] { [] }
}
#endif
