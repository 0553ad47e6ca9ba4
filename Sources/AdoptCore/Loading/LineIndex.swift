/// Turns byte offsets into 1-based line and column numbers. Built only when a problem needs
/// reporting, so valid files pay nothing for it.
struct LineIndex {
    private let lineStarts: [Int]
    private let bytes: UnsafeBufferPointer<UInt8>

    /// `bytes` must stay valid while the index is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
        lineStarts = starts
        self.bytes = bytes
    }

    /// Columns count characters (Unicode scalars), not bytes, as editors do.
    func position(of offset: Int) -> (line: Int, column: Int) {
        let off = max(0, min(offset, bytes.count))
        var lo = 0, hi = lineStarts.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if lineStarts[mid] <= off { lo = mid + 1 } else { hi = mid }
        }
        let line = max(1, lo)
        var column = 1
        var k = lineStarts[line - 1]
        while k < off {
            if bytes[k] & 0xC0 != 0x80 { column += 1 }
            k += 1
        }
        return (line, column)
    }
}
