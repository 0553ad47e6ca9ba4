import AdoptCore
import Foundation

/// A feed's `index.json` (format "adopt.feed", version 1): which snapshot and tour files a
/// static directory publishes, with the size and SHA-256 a reader checks each download
/// against. Written by `adopt publish`; read by every command given a feed URL.
public struct FeedIndex: Codable, Equatable, Sendable {
    public struct Entry: Codable, Equatable, Sendable {
        /// A plain file name in the feed's directory: no `/`, no `..`, not absolute.
        public var file: String
        /// The snapshot's `asOf` (absent for tours).
        public var asOf: String?
        public var size: Int
        /// Lower-case hex SHA-256 of the file's bytes.
        public var sha256: String

        public init(file: String, asOf: String?, size: Int, sha256: String) {
            self.file = file; self.asOf = asOf; self.size = size; self.sha256 = sha256
        }
    }

    public static let format = "adopt.feed"
    public static let version = 1
    /// An index larger than this is refused while downloading (a feed of 10,000 files is
    /// about 1.5 MB).
    public static let maxBytes = 16 << 20

    public var format: String
    public var version: Int
    /// When the index was written (ISO 8601, UTC).
    public var updated: String
    public var snapshots: [Entry]
    public var tours: [Entry]

    public init(updated: String, snapshots: [Entry], tours: [Entry]) {
        format = FeedIndex.format; version = FeedIndex.version
        self.updated = updated; self.snapshots = snapshots; self.tours = tours
    }

    /// Every entry, snapshots first.
    public var entries: [Entry] { snapshots + tours }

    /// Reads and checks an index: the format and version, and that every entry names a plain
    /// file once, with a size within the snapshot limit and a 64-digit hex checksum.
    /// - Throws: `FeedError.badIndex` saying what is wrong (and where, for a JSON error).
    public static func decode(_ data: Data, from url: String) throws -> FeedIndex {
        let index: FeedIndex
        do {
            index = try JSONDecoder().decode(FeedIndex.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw FeedError.badIndex(url: url, message: "not valid JSON (\(describe(context)))")
        } catch let DecodingError.keyNotFound(key, context) {
            throw FeedError.badIndex(url: url, message: "missing field \(path(context.codingPath + [key]))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw FeedError.badIndex(url: url, message: "wrong type at \(path(context.codingPath))")
        } catch let DecodingError.valueNotFound(_, context) {
            throw FeedError.badIndex(url: url, message: "null at \(path(context.codingPath))")
        } catch {
            throw FeedError.badIndex(url: url, message: "\(error)")
        }
        guard index.format == FeedIndex.format else {
            throw FeedError.badIndex(url: url, message: "format is \"\(index.format)\", expected \"\(FeedIndex.format)\"")
        }
        guard index.version == FeedIndex.version else {
            throw FeedError.badIndex(url: url, message: "version \(index.version) is not supported (this adopt reads version \(FeedIndex.version))")
        }
        var seen = Set<String>()
        for (k, e) in index.entries.enumerated() {
            let at = k < index.snapshots.count ? "snapshots[\(k)]" : "tours[\(k - index.snapshots.count)]"
            guard isPlainFileName(e.file) else {
                throw FeedError.badIndex(url: url, message: "\(at).file \"\(TextSafety.clean(e.file))\" is not a plain file name (no /, no .., not absolute)")
            }
            guard seen.insert(e.file).inserted else {
                throw FeedError.badIndex(url: url, message: "\(at).file \"\(e.file)\" is listed twice")
            }
            guard e.size >= 0, e.size <= SnapshotLoader.maxFileBytes else {
                throw FeedError.badIndex(url: url, message: "\(at).size \(e.size) is outside 0...\(SnapshotLoader.maxFileBytes)")
            }
            guard e.sha256.count == 64, e.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw FeedError.badIndex(url: url, message: "\(at).sha256 is not 64 lower-case hex digits")
            }
        }
        return index
    }

    /// A name that stays inside the directory it is joined to: not empty, no `/` or `\`, not
    /// `.` or `..`, no control characters, and not the index itself.
    public static func isPlainFileName(_ name: String) -> Bool {
        guard !name.isEmpty, name.utf8.count <= 255, name != ".", name != "..", name != "index.json" else { return false }
        guard !name.hasPrefix(".") else { return false }
        return !name.unicodeScalars.contains { $0 == "/" || $0 == "\\" || $0.value < 0x20 || $0.value == 0x7f }
    }

    /// The index as `adopt publish` writes it: sorted keys, two-space indent, one trailing newline.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0a)
        return data
    }

    private static func path(_ keys: [CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
        return underlying ?? context.debugDescription
    }
}
