/// Turns byte offsets into 1-based line and column numbers. Used only when a problem needs
/// reporting, so valid files pay nothing for it.
///
/// Why a forward sweep and not a table of line starts: a hostile file of 1 GiB of newlines
/// would need 8 GiB for the table (300 MB of newlines took 4.5 GB). Problems come sorted by
/// offset, so one pass over the bytes places them all, in constant memory, even when the
/// whole file is one long line.
struct LineIndex {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// How far the sweep has got, and the line and column there.
    private var at = 0
    private var line = 1
    private var column = 1

    /// `bytes` must stay valid while the index is used.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Columns count characters (Unicode scalars), not bytes, as editors do. Cheapest when
    /// asked in increasing offset order; an earlier offset restarts the sweep.
    mutating func position(of offset: Int) -> (line: Int, column: Int) {
        let off = max(0, min(offset, bytes.count))
        if off < at { at = 0; line = 1; column = 1 }
        while at < off {
            let b = bytes[at]
            if b == 0x0A {
                line += 1; column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1
            }
            at += 1
        }
        return (line, column)
    }
}
