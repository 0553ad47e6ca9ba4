/// Writing CSV that spreadsheets read back as written: RFC 4180 quoting, and OWASP's advice
/// on CSV injection, so an organisation named "=HYPERLINK(...)" is shown, never run.
public enum CSV {
    /// One field: a value that would start with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return gets a leading `'` (spreadsheets show it as text); a field holding a comma,
    /// quote, carriage return or newline is quoted, with quotes doubled.
    ///
    /// It looks at UTF-8 bytes, not Characters: a CSV reader splits on the byte, so a comma or
    /// quote followed by a combining mark (one Character, `",\u{301}"`) must be quoted too;
    /// and a million-row export spends most of its time here, where grapheme breaking is slow.
    public static func field(_ value: String) -> String {
        let utf8 = value.utf8
        let neutralise = utf8.first.map { b in b == 0x3D || b == 0x2B || b == 0x2D || b == 0x40 || b == 0x09 || b == 0x0D } ?? false
        let quote = utf8.contains { b in b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D }
        if !neutralise && !quote { return value }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 4)
        if quote { out.append(0x22) }
        if neutralise { out.append(0x27) }
        for b in utf8 {
            out.append(b)
            if b == 0x22 { out.append(0x22) }
        }
        if quote { out.append(0x22) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A record: the fields joined by commas, ended by a newline.
    public static func line(_ fields: [String]) -> String {
        var out = ""
        for (k, f) in fields.enumerated() {
            if k > 0 { out += "," }
            out += field(f)
        }
        out += "\n"
        return out
    }

    /// A number as it should read in a cell: never neutralised (a count is never negative,
    /// and a share is written without sign).
    public static func share(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let whole = thousandths / 1000, frac = thousandths % 1000
        let f = String(frac)
        return "\(whole)." + String(repeating: "0", count: 3 - f.count) + f
    }
}
