/// JSON text as UTF-8 bytes, for writers that assemble a file from pre-rendered pieces.
enum JSONBytes {
    /// `text` as a JSON string literal, quotes included.
    static func quoted(_ text: String) -> [UInt8] { [0x22] + escaped(text) + [0x22] }

    /// `text` with `"`, `\` and control characters escaped, no quotes.
    static func escaped(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for b in text.utf8 {
            switch b {
            case 0x22: out += [0x5C, 0x22]
            case 0x5C: out += [0x5C, 0x5C]
            case 0x0A: out += [0x5C, 0x6E]
            case 0x00..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out += [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        return out
    }
}
