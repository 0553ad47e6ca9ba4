import Foundation

/// A snapshot file read into memory that can be handed back page by page as the parse moves on.
///
/// Why not `mmap` the file itself: if a pipeline truncates the file while it is parsed, touching
/// a page past the new end kills the process with SIGBUS. Why not a plain array: a 250 MB file
/// would then stay resident for the whole parse on top of the table being built. So the file
/// is read (`read(2)`, which a writer can only make short) into anonymous memory, and the
/// pages already parsed are released (`discard(before:)`). An error message that needs a line
/// number in a released page reads the file again (`restore()`).
final class MappedFile {
    private(set) var buffer: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private let capacity: Int
    private let path: String
    private var discarded = 0
    /// The end of the furthest range let go by `discard(_:)` (pieces of a parallel parse).
    private var discardedRanges = 0
    private let lock = NSLock()
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Nil when the file cannot be opened or is not a regular file.
    init?(path: String) {
        self.path = path
        // O_NONBLOCK: opening a FIFO (or a tty) named like a snapshot must not wait for a
        // writer; fstat then rejects it as not a regular file.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        capacity = Int(st.st_size)
        guard capacity > 0 else {
            base = nil
            buffer = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, capacity, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              p != MAP_FAILED else { return nil }
        base = p
        // Huge pages where the kernel allows them: reading 250 MB into 4 KB pages costs 65,000
        // page faults, into 2 MB pages a hundred or so. Advice only; harmless where refused.
        if capacity >= 8 << 20 { _ = madvise(p, capacity, 14 /* MADV_HUGEPAGE */) }
        let count = MappedFile.readFully(fd, into: p, capacity: capacity)
        buffer = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Reads up to `capacity` bytes; a file cut short meanwhile simply reads short (and then
    /// fails to parse like any half-written file).
    private static func readFully(_ fd: Int32, into p: UnsafeMutableRawPointer, capacity: Int) -> Int {
        var done = 0
        while done < capacity {
            let r = pread(fd, p + done, capacity - done, off_t(done))
            if r < 0 && errno == EINTR { continue }
            if r <= 0 { break }
            done += r
        }
        return done
    }

    /// Releases the pages wholly before `offset`.
    func discard(before offset: Int) {
        guard let base else { return }
        let end = offset / MappedFile.pageSize * MappedFile.pageSize
        guard end > discarded else { return }
        madvise(base + discarded, end - discarded, MADV_DONTNEED)
        discarded = end
    }

    /// Releases the pages wholly inside `range`; safe from several threads at once, each
    /// releasing its own part of the file.
    func discard(_ range: Range<Int>) {
        guard let base else { return }
        let start = (range.lowerBound + MappedFile.pageSize - 1) / MappedFile.pageSize * MappedFile.pageSize
        let end = range.upperBound / MappedFile.pageSize * MappedFile.pageSize
        guard end > start else { return }
        madvise(base + start, end - start, MADV_DONTNEED)
        lock.lock()
        discardedRanges = max(discardedRanges, end)
        lock.unlock()
    }

    /// Reads the released pages back (for line numbers in messages). If the file changed in
    /// between, positions may be off; the content was changing anyway.
    func restore() {
        lock.lock()
        discarded = max(discarded, discardedRanges)
        discardedRanges = 0
        lock.unlock()
        guard let base, discarded > 0 else { return }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd >= 0 {
            _ = MappedFile.readFully(fd, into: base, capacity: min(discarded, buffer.count))
            close(fd)
        }
        discarded = 0
    }

    deinit {
        if let base { munmap(base, capacity) }
    }
}
