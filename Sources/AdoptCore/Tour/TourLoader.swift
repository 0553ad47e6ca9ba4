import Foundation

/// Reads tour files (`adopt --tour FILE`): strict JSON, every problem reported as
/// `FILE:LINE:COL: error: PATH: MESSAGE` like the snapshot loader's, never throws.
///
/// The field checks are the snapshot reader's (`SnapshotReader`), so a bad date or an unknown
/// region code is worded the same way in both kinds of file.
public enum TourLoader {
    /// A tour is a few dozen steps; anything near this is not a tour.
    public static let maxFileBytes = 4 << 20

    public struct Result: Sendable {
        /// Nil when the file has any error.
        public let tour: Tour?
        /// Errors and warnings (unknown fields), in file order.
        public let problems: [Problem]
    }

    static let topFields: Set<String> = ["$schema", "format", "version", "title", "steps"]
    static let stepFields: Set<String> = ["date", "region", "caption", "source"]

    public static func load(file path: String, gazetteer: Gazetteer = .shared) -> Result {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        if let size = (attributes?[.size] as? NSNumber)?.intValue, size > maxFileBytes {
            return Result(tour: nil, problems: [Problem(file: path, line: 1, column: 1, path: "",
                message: "the file is \(size) bytes; a tour may be at most \(maxFileBytes) bytes")])
        }
        guard attributes?[.type] as? FileAttributeType == .typeRegular,
              let data = FileManager.default.contents(atPath: path) else {
            return Result(tour: nil, problems: [Problem(file: path, line: 0, column: 0, path: "",
                message: "cannot read the tour file (missing, not a regular file, or not readable)")])
        }
        return parse(bytes: [UInt8](data), file: path, gazetteer: gazetteer)
    }

    /// Reads a tour from bytes already in memory; `file` names it in messages.
    public static func parse(bytes: [UInt8], file: String, gazetteer: Gazetteer = .shared) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            var index = LineIndex(buffer)
            func problem(_ offset: Int, _ path: String, _ message: String,
                         _ severity: Problem.Severity) -> Problem {
                let (line, column) = index.position(of: offset)
                return Problem(file: file, line: line, column: column, path: path, message: message, severity: severity)
            }
            let document: Located
            do throws(JSONSyntaxError) {
                document = try JSONParser.parse(buffer)
            } catch {
                return Result(tour: nil, problems: [problem(error.offset, "", error.message, .error)])
            }
            var reader = SnapshotReader(file: file, gazetteer: gazetteer)
            let tour = read(document, file: file, reader: &reader)
            let problems = reader.problems.sorted { $0.offset < $1.offset }
                .map { problem($0.offset, $0.path, $0.message, $0.severity) }
            return Result(tour: reader.hasErrors ? nil : tour, problems: problems)
        }
    }

    private static func read(_ document: Located, file: String, reader r: inout SnapshotReader) -> Tour? {
        guard let top = r.object(document, "", known: topFields) else { return nil }
        // Another kind of file: its other problems would only mislead.
        guard let format = r.string(top, "format", required: true) else { return nil }
        guard format == Tour.formatName else {
            r.report(top.members["format"]!.value.offset, "format",
                     "\"\(format)\" is not an adopt tour (expected \"\(Tour.formatName)\")")
            return nil
        }
        guard let version = r.number(top, "version") else { return nil }
        guard version == Double(Tour.supportedVersion) else {
            let shown = version == version.rounded() && abs(version) < 1e15 ? String(Int64(version)) : String(version)
            r.report(top.members["version"]!.value.offset, "version",
                     "unsupported version \(shown) (this adopt reads tour version \(Tour.supportedVersion))")
            return nil
        }
        let title = r.string(top, "title", required: true)
        guard let items = r.array(top, "steps", required: true) else { return nil }
        if items.isEmpty {
            r.report(top.members["steps"]!.value.offset, "steps", "a tour needs at least one step")
            return nil
        }
        var steps: [Tour.Step] = []
        for (k, item) in items.enumerated() {
            guard let f = r.object(item, "steps[\(k)]", known: stepFields) else { continue }
            let date = r.day(f, "date", required: true)
            let region = r.region(f, "region", required: false, allowCountry: true)
            let regionBad = f.members["region"] != nil && region == nil
            let caption = r.string(f, "caption", required: true)
            let source = r.string(f, "source", required: false)
            guard let date, let caption, !regionBad else { continue }
            steps.append(Tour.Step(date: date, region: region ?? .country, caption: caption, source: source))
        }
        guard let title, steps.count == items.count else { return nil }
        return Tour(title: title, steps: steps, file: file)
    }
}
