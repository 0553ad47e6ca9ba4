import Foundation

/// Reads a top-level string field (`asOf`, `format`) from bytes that may not be valid JSON:
/// a truncated or half-written file, a syntax error further on. Used to tell how new a broken
/// snapshot is (`Freshness`), whether a file is a tour, and where a valid file's `asOf` is.
///
/// It follows strings (with their escapes) and nesting, so a `"asOf"` inside a string or in a
/// nested object is never taken for the file's own; it does not check anything else. The
/// first top-level occurrence wins.
public enum LenientHeader {
    /// Values longer than this are not what is looked for (a day, a format name).
    static let maxValueBytes = 256

    /// The value of the top-level field `key` and the offset of its opening quote, if the bytes
    /// hold `"key": "value"` at the top level of an object (escapes in the value are not decoded).
    public static func string(_ key: String, in bytes: UnsafeBufferPointer<UInt8>) -> (value: String, offset: Int)? {
        let wanted = Array(key.utf8)
        let n = bytes.count
        var i = 0, depth = 0
        func skipSpace() { while i < n, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 } }
        /// Moves past the string whose `"` is at i; returns its content's range, nil when the
        /// bytes end inside it.
        func scanString() -> Range<Int>? {
            let start = i + 1
            i += 1
            while i < n {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") { i += 2; continue }
                if b == UInt8(ascii: "\"") { i += 1; return start..<(i - 1) }
                i += 1
            }
            return nil
        }
        while i < n {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1; i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1; i += 1
            case UInt8(ascii: "\""):
                guard let range = scanString() else { return nil }
                guard depth == 1, range.count == wanted.count,
                      wanted.elementsEqual(bytes[range]) else { continue }
                skipSpace()
                guard i < n, bytes[i] == UInt8(ascii: ":") else { continue }
                i += 1
                skipSpace()
                guard i < n, bytes[i] == UInt8(ascii: "\"") else { continue }
                let at = i
                // Unterminated (the file ends inside it): not a value to trust.
                guard let value = scanString() else { return nil }
                guard value.count <= maxValueBytes else { continue }
                guard let text = String(validating: UnsafeBufferPointer(rebasing: bytes[value]), as: UTF8.self) else { continue }
                return (text, at)
            default: i += 1
            }
        }
        return nil
    }

    public static func string(_ key: String, in bytes: [UInt8]) -> (value: String, offset: Int)? {
        bytes.withUnsafeBufferPointer { string(key, in: $0) }
    }

    /// The top-level `asOf`, if one can be read as a day.
    public static func asOf(in bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        string("asOf", in: bytes).flatMap { Day($0.value) }
    }

    public static func asOf(in bytes: [UInt8]) -> Day? {
        bytes.withUnsafeBufferPointer { asOf(in: $0) }
    }

    /// A file's top-level `asOf`, read leniently; nil when it cannot be read or has none.
    public static func asOf(file path: String) -> Day? {
        guard let file = MappedFile(path: path) else { return nil }
        return asOf(in: file.buffer)
    }

    /// Whether the file says `"format": "adopt.tour"`. Only files small enough to be a tour
    /// are read.
    public static func isTour(file path: String) -> Bool {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard attributes?[.type] as? FileAttributeType == .typeRegular,
              let size = (attributes?[.size] as? NSNumber)?.intValue, size <= TourLoader.maxFileBytes,
              let data = FileManager.default.contents(atPath: path) else { return false }
        return string("format", in: [UInt8](data))?.value == Tour.formatName
    }
}
