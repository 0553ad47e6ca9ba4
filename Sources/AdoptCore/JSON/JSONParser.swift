/// A strict RFC 8259 parser over UTF-8 bytes that records byte offsets and enforces limits.
///
/// It doubles as a cursor (the methods below are internal) for the snapshot reader's
/// streaming path, which decodes deployments straight from the bytes without building a tree.
public struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    /// The read position, a byte offset.
    var i = 0
    var depth = 0
    /// Values kept so far, against `limits.maxTreeValues`.
    var treeValues = 0

    /// Parses one JSON document from `bytes`.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits = JSONLimits())
        throws(JSONSyntaxError) -> Located {
        var p = JSONParser(bytes: bytes, limits: limits)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw JSONSyntaxError(offset: 0, message:
                "the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without a BOM")
        }
        p.skipSpace()
        if p.i >= bytes.count { throw JSONSyntaxError(offset: 0, message: "the file is empty") }
        let v = try p.value()
        p.skipSpace()
        if p.i < bytes.count {
            throw JSONSyntaxError(offset: p.i, message: "unexpected \(p.describe(p.i)) after the end of the document")
        }
        return v
    }

    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) {
        self.bytes = bytes; self.limits = limits
    }

    mutating func skipSpace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x20, 0x09, 0x0A, 0x0D: i += 1
            default: return
            }
        }
    }

    func describe(_ at: Int) -> String {
        guard at < bytes.count else { return "end of file" }
        let b = bytes[at]
        if b == 0 { return "NUL byte" }
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16, uppercase: true)
    }

    func truncated() -> JSONSyntaxError {
        JSONSyntaxError(offset: bytes.count, message: "unexpected end of file (the file is truncated or incomplete)")
    }

    /// Reads one value. With `keep` false it is checked just as strictly, but arrays and
    /// objects come back empty (only its kind and scalars are told): for values that are
    /// only named in a message or ignored, which then cost no memory and count against no limit.
    mutating func value(keep: Bool = true) throws(JSONSyntaxError) -> Located {
        guard i < bytes.count else { throw truncated() }
        let start = i
        if keep {
            treeValues += 1
            if treeValues > limits.maxTreeValues {
                throw JSONSyntaxError(offset: i, message:
                    "more than \(limits.maxTreeValues) values outside the deployments array (the limit for sources, events and claims)")
            }
        }
        switch bytes[i] {
        case UInt8(ascii: "{"): return Located(value: try object(keep: keep), offset: start)
        case UInt8(ascii: "["): return Located(value: try array(keep: keep), offset: start)
        case UInt8(ascii: "\""): return Located(value: .string(try string()), offset: start)
        case UInt8(ascii: "t"): try literal("true"); return Located(value: .bool(true), offset: start)
        case UInt8(ascii: "f"): try literal("false"); return Located(value: .bool(false), offset: start)
        case UInt8(ascii: "n"): try literal("null"); return Located(value: .null, offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return Located(value: .number(try number()), offset: start)
        default:
            throw JSONSyntaxError(offset: i, message: "expected a value, found \(describe(i))")
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        for k in 0..<n {
            guard i + k < bytes.count else { throw truncated() }
            if bytes[i + k] != word.utf8Start[k] {
                throw JSONSyntaxError(offset: i, message: "expected a value, found \(describe(i))")
            }
        }
        i += n
    }

    mutating func enter() throws(JSONSyntaxError) {
        depth += 1
        if depth > limits.maxDepth {
            throw JSONSyntaxError(offset: i, message: "nesting is deeper than the limit of \(limits.maxDepth) levels")
        }
    }

    private mutating func object(keep: Bool) throws(JSONSyntaxError) -> JSONValue {
        try enter()
        i += 1
        var members: [JSONValue.Member] = []
        var seen: Set<String> = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
        while true {
            skipSpace()
            guard i < bytes.count else { throw truncated() }
            guard bytes[i] == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(offset: i, message: "expected a quoted field name, found \(describe(i))")
            }
            let keyOffset = i
            let key = try string()
            if !seen.insert(key).inserted {
                throw JSONSyntaxError(offset: keyOffset, message: "duplicate field name \"\(TextSafety.clean(key))\" in the same object")
            }
            skipSpace()
            guard i < bytes.count else { throw truncated() }
            guard bytes[i] == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: i, message: "expected ':' after the field name, found \(describe(i))")
            }
            i += 1
            skipSpace()
            let v = try value(keep: keep)
            if keep { members.append(JSONValue.Member(key: key, keyOffset: keyOffset, value: v)) }
            skipSpace()
            guard i < bytes.count else { throw truncated() }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; depth -= 1; return .object(members) }
            throw JSONSyntaxError(offset: i, message: "expected ',' or '}' in an object, found \(describe(i))")
        }
    }

    private mutating func array(keep: Bool) throws(JSONSyntaxError) -> JSONValue {
        try enter()
        i += 1
        var items: [Located] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
        while true {
            skipSpace()
            let v = try value(keep: keep)
            if keep { items.append(v) }
            skipSpace()
            guard i < bytes.count else { throw truncated() }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; depth -= 1; return .array(items) }
            throw JSONSyntaxError(offset: i, message: "expected ',' or ']' in an array, found \(describe(i))")
        }
    }

    mutating func string() throws(JSONSyntaxError) -> String {
        let (range, plain) = try scanString()
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        if plain { return String(decoding: raw, as: UTF8.self) }
        return try unescape(raw, base: range.lowerBound)
    }

    /// Moves past a string, checking it (UTF-8, no raw control characters, length limit), and
    /// returns the byte range between the quotes and whether it holds no escapes.
    mutating func scanString() throws(JSONSyntaxError) -> (range: Range<Int>, plain: Bool) {
        let (range, plain, _) = try scanStringASCII()
        return (range, plain)
    }

    /// `scanString`, also telling whether every byte was ASCII other than DEL (`ascii`): such
    /// text needs no `TextSafety` check (the loader's hot path).
    mutating func scanStringASCII() throws(JSONSyntaxError) -> (range: Range<Int>, plain: Bool, ascii: Bool) {
        let open = i
        i += 1
        let start = i
        var plain = true
        var ascii = true
        while true {
            // Eight bytes at a time to the next special byte (quote, backslash, control, DEL,
            // non-ASCII), which the loop below then looks at.
            while i + 8 <= bytes.count {
                let special = JSONParser.specialBytes(bytes.baseAddress!.advanced(by: i))
                if special == 0 { i += 8; continue }
                i += special.trailingZeroBitCount >> 3
                break
            }
            guard i < bytes.count else {
                throw JSONSyntaxError(offset: open, message: "unterminated string (the file ends inside it)")
            }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") {
                plain = false
                i += 2
                continue
            }
            if b < 0x20 {
                throw JSONSyntaxError(offset: i, message: b == 0
                    ? "NUL byte inside a string" : "raw control character 0x\(String(b, radix: 16)) inside a string (escape it)")
            }
            if b == 0x7F { ascii = false }
            if b >= 0x80 {
                ascii = false
                let n = utf8Length(at: i)
                guard n > 0 else {
                    // A character cut off by the end of the file is a truncated file, not bad UTF-8.
                    if endsInsideCharacter(at: i) {
                        throw JSONSyntaxError(offset: open, message: "unterminated string (the file ends inside it)")
                    }
                    throw JSONSyntaxError(offset: i, message: "invalid UTF-8 byte sequence")
                }
                i += n
                continue
            }
            i += 1
        }
        if i - start > limits.maxStringBytes {
            throw JSONSyntaxError(offset: open, message:
                "string of \(i - start) bytes is longer than the limit of \(limits.maxStringBytes) bytes")
        }
        let end = i
        i += 1
        return (start..<end, plain, ascii && plain)
    }

    /// Of the 8 bytes at `at`, which are a quote, a backslash, a control (< 0x20), DEL or
    /// non-ASCII (>= 0x80): the bytes `scanString` must look at one by one. A byte's top bit
    /// is set in the result for each (SWAR). Bits above the lowest one set may be false
    /// alarms (a borrow), never the lowest: only that one is used, as the next byte to read.
    @inline(__always)
    static func specialBytes(_ at: UnsafePointer<UInt8>) -> UInt64 {
        let w = UnsafeRawPointer(at).loadUnaligned(as: UInt64.self)
        let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
        let quote = w ^ (ones &* 0x22), slash = w ^ (ones &* 0x5C), del = w ^ (ones &* 0x7F)
        let zeroQuote = (quote &- ones) & ~quote
        let zeroSlash = (slash &- ones) & ~slash
        let zeroDel = (del &- ones) & ~del
        let control = (w &- ones &* 0x20) & ~w
        return (w | zeroQuote | zeroSlash | zeroDel | control) & high
    }

    /// The text of a string scanned by `scanString`.
    func text(of range: Range<Int>, plain: Bool) throws(JSONSyntaxError) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[range])
        if plain { return String(decoding: raw, as: UTF8.self) }
        return try unescape(raw, base: range.lowerBound)
    }

    /// Whether the bytes from `at` to the end of the file are the start of a multi-byte
    /// character that the end of the file cut short.
    private func endsInsideCharacter(at: Int) -> Bool {
        let wanted: Int
        switch bytes[at] {
        case 0xC2...0xDF: wanted = 2
        case 0xE0...0xEF: wanted = 3
        case 0xF0...0xF4: wanted = 4
        default: return false
        }
        guard at + wanted > bytes.count else { return false }
        return (at + 1..<bytes.count).allSatisfy { bytes[$0] & 0xC0 == 0x80 }
    }

    /// The length of a valid UTF-8 sequence starting at `at`, or 0 if it is invalid.
    private func utf8Length(at: Int) -> Int {
        let b0 = bytes[at]
        func cont(_ k: Int) -> Bool { at + k < bytes.count && bytes[at + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0:
            return at + 1 < bytes.count && (0xA0...0xBF).contains(bytes[at + 1]) && cont(2) ? 3 : 0
        case 0xED:
            return at + 1 < bytes.count && (0x80...0x9F).contains(bytes[at + 1]) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xF0:
            return at + 1 < bytes.count && (0x90...0xBF).contains(bytes[at + 1]) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return at + 1 < bytes.count && (0x80...0x8F).contains(bytes[at + 1]) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    private func unescape(_ raw: UnsafeBufferPointer<UInt8>, base: Int) throws(JSONSyntaxError) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        var k = 0
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= raw.count else { return nil }
            var v: UInt32 = 0
            for j in at..<at + 4 {
                let c = raw[j]
                let d: UInt8
                switch c {
                case 0x30...0x39: d = c - 0x30
                case 0x41...0x46: d = c - 0x41 + 10
                case 0x61...0x66: d = c - 0x61 + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        func append(_ scalar: UInt32) {
            let s = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            out.append(contentsOf: Array(String(s).utf8))
        }
        while k < raw.count {
            let b = raw[k]
            guard b == UInt8(ascii: "\\") else { out.append(b); k += 1; continue }
            guard k + 1 < raw.count else {
                throw JSONSyntaxError(offset: base + k, message: "unfinished escape sequence")
            }
            switch raw[k + 1] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                guard let u = hex4(k + 2) else {
                    throw JSONSyntaxError(offset: base + k, message: "\\u must be followed by four hex digits")
                }
                k += 6
                if (0xD800...0xDBFF).contains(u), k + 1 < raw.count, raw[k] == UInt8(ascii: "\\"),
                   raw[k + 1] == UInt8(ascii: "u"), let lo = hex4(k + 2), (0xDC00...0xDFFF).contains(lo) {
                    append(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00))
                    k += 6
                } else {
                    // A lone surrogate cannot be represented: show it as U+FFFD.
                    append(u)
                }
                continue
            default:
                throw JSONSyntaxError(offset: base + k, message: "invalid escape sequence \\\(describe(base + k + 1).trimmingQuotes)")
            }
            k += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func number() throws(JSONSyntaxError) -> Double {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
            return i - s
        }
        guard i < bytes.count else { throw truncated() }
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
        } else if digits() == 0 {
            throw JSONSyntaxError(offset: i, message: "expected digits in a number, found \(describe(i))")
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            if digits() == 0 { throw JSONSyntaxError(offset: i, message: "expected digits after '.' in a number") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            if digits() == 0 { throw JSONSyntaxError(offset: i, message: "expected digits in a number's exponent") }
        }
        if i - start > 64 {
            throw JSONSyntaxError(offset: start, message: "number is longer than 64 characters")
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let v = Double(text), v.isFinite else {
            throw JSONSyntaxError(offset: start, message: "number \(text) is out of range")
        }
        return v
    }
}

private extension String {
    var trimmingQuotes: String { filter { $0 != "'" } }
}
