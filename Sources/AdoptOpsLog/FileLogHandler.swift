import AdoptCore
import Foundation
import Logging

/// A swift-log handler that appends one line per entry to a `LogFile`:
///
///     2026-05-03T14:03:12.345+08:00 info reload: 5 files, ... generation=2 path="a b.json"
///
/// the time (ISO 8601, milliseconds, the zone's offset), the level, the message, then the
/// metadata as `key=value` sorted by key (a value with a space, `"`, `=`, `\` or a control
/// character is quoted, with `\"` and `\\` escaped). Control characters, line breaks among
/// them, are written as `\n`, `\t` or `\u{1B}`, so an entry is always exactly one line.
///
/// Like every handler it is a value: metadata and level set on one `Logger` do not affect
/// another; all copies write to the same file.
public struct FileLogHandler: LogHandler {
    public let label: String
    public let file: LogFile
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    public var metadataProvider: Logger.MetadataProvider?
    private let clock: @Sendable () -> Date
    private let timeZone: TimeZone

    /// - Parameters:
    ///   - clock: the time of each entry (tests pin it).
    ///   - timeZone: the zone whose offset the timestamps carry (default: the machine's).
    public init(label: String, file: LogFile, timeZone: TimeZone = .current,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.label = label
        self.file = file
        self.timeZone = timeZone
        self.clock = clock
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let own = event.metadata { merged.merge(own) { _, new in new } }
        let message = event.message.description
        file.append { Self.line(at: clock(), timeZone: timeZone, level: event.level, message: message, metadata: merged) }
    }

    /// One entry as written (without the newline).
    public static func line(at date: Date, timeZone: TimeZone, level: Logger.Level, message: String,
                            metadata: Logger.Metadata = [:]) -> String {
        var line = timestamp(date, timeZone: timeZone) + " " + level.rawValue + " " + escaped(message)
        for key in metadata.keys.sorted() {
            line += " " + escaped(key) + "=" + value(metadata[key]!.description)
        }
        return line
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmm±HH:MM` (ISO 8601, extended), the offset of `timeZone` at
    /// that moment; computed without a formatter, so it is the same on every machine and safe
    /// from any thread.
    public static func timestamp(_ date: Date, timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let millisecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let local = millisecondsSinceEpoch + Int64(offset) * 1000
        let (days, msOfDay) = floorDivide(local, 86_400_000)
        let civil = Day(ordinal: Int32(clamping: days)).parts
        let (year, month, day) = (Int64(civil.year), Int64(civil.month), Int64(civil.day))
        let seconds = msOfDay / 1000
        func pad(_ v: Int64, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        let sign = offset < 0 ? "-" : "+"
        let off = Int64(abs(offset)) / 60
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(seconds / 3600, 2)):\(pad(seconds / 60 % 60, 2)):"
            + "\(pad(seconds % 60, 2)).\(pad(msOfDay % 1000, 3))\(sign)\(pad(off / 60, 2)):\(pad(off % 60, 2))"
    }

    /// Control characters made visible, so a message or value never breaks the line.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where isControl(scalar): out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s == "\u{2028}" || s == "\u{2029}"
    }

    /// A metadata value: as it is when it has no space, `"`, `=`, `\\` or control character;
    /// else in quotes, with `\\` and `"` escaped and control characters made visible.
    static func value(_ raw: String) -> String {
        let plain = !raw.isEmpty && !raw.unicodeScalars.contains {
            $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" || isControl($0)
        }
        if plain { return raw }
        let inner = raw.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        return "\"" + escaped(inner) + "\""
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> (Int64, Int64) {
        let q = a / b, r = a % b
        return r < 0 ? (q - 1, r + b) : (q, r)
    }
}
