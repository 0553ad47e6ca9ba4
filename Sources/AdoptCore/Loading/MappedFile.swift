import Foundation

/// A snapshot file mapped read-only into memory.
///
/// Why not read it into an array: a 250 MB file would then stay resident for the whole parse
/// on top of the table being built. Mapped, the pages already parsed can be handed back
/// (`discard(before:)`); if an error message later needs them for a line number they are
/// simply read again from the page cache.
final class MappedFile {
    let buffer: UnsafeBufferPointer<UInt8>
    private let base: UnsafeMutableRawPointer?
    private var discarded = 0
    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

    /// Nil when the file cannot be opened or is not a regular file.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(st.st_size)
        guard size > 0 else {
            base = nil
            buffer = UnsafeBufferPointer(start: nil, count: 0)
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { return nil }
        madvise(p, size, MADV_SEQUENTIAL)
        base = p
        buffer = UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: size)
    }

    /// Lets the kernel drop the pages wholly before `offset` from this process.
    func discard(before offset: Int) {
        guard let base else { return }
        let end = offset / MappedFile.pageSize * MappedFile.pageSize
        guard end > discarded else { return }
        madvise(base + discarded, end - discarded, MADV_DONTNEED)
        discarded = end
    }

    deinit {
        if let base { munmap(base, buffer.count) }
    }
}
