/// Writing CSV that spreadsheets read back as written: RFC 4180 quoting, and OWASP's advice
/// on CSV injection, so an organisation named "=HYPERLINK(...)" is shown, never run.
public enum CSV {
    /// One field: a value that would start with `=`, `+`, `-`, `@`, a tab or a carriage
    /// return gets a leading `'` (spreadsheets show it as text); a field holding a comma,
    /// quote, carriage return or newline is quoted, with quotes doubled.
    public static func field(_ value: String) -> String {
        var s = value
        if let f = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(f) { s = "'" + s }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            return "\"" + s.replacingAll("\"", with: "\"\"") + "\""
        }
        return s
    }

    /// A record: the fields joined by commas, ended by a newline.
    public static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
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
