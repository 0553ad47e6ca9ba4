/// Reads a parsed snapshot document into a `Snapshot`, checking every field against the
/// format (docs/FORMAT.md) and collecting every problem rather than stopping at the first.
struct SnapshotReader {
    let file: String
    let gazetteer: Gazetteer
    private(set) var problems: [(offset: Int, path: String, message: String, severity: Problem.Severity)] = []

    /// Stop collecting after this many, so a million bad records cannot flood memory.
    static let maxProblems = 200
    private(set) var dropped = 0
    /// Errors among the dropped: a file with more than 200 warnings and no error still loads.
    private(set) var droppedErrors = 0

    init(file: String, gazetteer: Gazetteer) {
        self.file = file
        self.gazetteer = gazetteer
    }

    mutating func report(_ at: Int, _ path: String, _ message: String, _ severity: Problem.Severity = .error) {
        if problems.count >= SnapshotReader.maxProblems {
            dropped += 1
            if severity == .error { droppedErrors += 1 }
            return
        }
        problems.append((at, path, message, severity))
    }

    /// Takes over another reader's problems as if they had been reported here in order, each
    /// path passed through `path` (a parallel piece numbers its elements from 0): the same
    /// 200 kept and the same count left over as one reader would have.
    mutating func append(_ other: SnapshotReader, path: (String) -> String) {
        for p in other.problems { report(p.offset, path(p.path), p.message, p.severity) }
        dropped += other.dropped
        droppedErrors += other.droppedErrors
    }

    var hasErrors: Bool { droppedErrors > 0 || problems.contains { $0.severity == .error } }

    // MARK: Typed field access

    /// An object's fields by name, reporting unknown ones as warnings (with "did you mean" for
    /// a near miss of a known name).
    struct Fields {
        let members: [String: JSONValue.Member]
        let offset: Int
        let path: String
    }

    mutating func object(_ v: Located, _ path: String, known: Set<String>) -> Fields? {
        guard case .object(let members) = v.value else {
            report(v.offset, path, "expected an object, found \(v.typeName)")
            return nil
        }
        var byName: [String: JSONValue.Member] = [:]
        for m in members {
            byName[m.key] = m
            if !known.contains(m.key) {
                report(m.keyOffset, join(path, m.key), Self.unknownField(m.key, known: known), .warning)
            }
        }
        return Fields(members: byName, offset: v.offset, path: path)
    }

    /// The warning for a field the format does not have.
    static func unknownField(_ key: String, known: some Sequence<String>) -> String {
        "unknown field (ignored)" + FieldSuggestion.hint(for: key, among: known)
    }

    func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(TextSafety.clean(key))" }

    mutating func string(_ f: Fields, _ key: String, required: Bool) -> String? {
        guard let m = f.members[key] else {
            if required { report(f.offset, join(f.path, key), "missing required field \"\(key)\"") }
            return nil
        }
        guard case .string(let s) = m.value.value else {
            report(m.value.offset, join(f.path, key), "expected a string, found \(m.value.typeName)")
            return nil
        }
        if required && s.allSatisfy(\.isWhitespace) {
            report(m.value.offset, join(f.path, key), "must not be empty")
            return nil
        }
        return TextSafety.clean(s)
    }

    mutating func bool(_ f: Fields, _ key: String) -> Bool {
        guard let m = f.members[key] else { return false }
        guard case .bool(let b) = m.value.value else {
            report(m.value.offset, join(f.path, key), "expected true or false, found \(m.value.typeName)")
            return false
        }
        return b
    }

    mutating func number(_ f: Fields, _ key: String) -> Double? {
        guard let m = f.members[key] else {
            report(f.offset, join(f.path, key), "missing required field \"\(key)\"")
            return nil
        }
        guard case .number(let n) = m.value.value else {
            report(m.value.offset, join(f.path, key), "expected a number, found \(m.value.typeName)")
            return nil
        }
        return n
    }

    /// The earliest and latest dates a snapshot may mention.
    static let earliest = Day(year: 1949, month: 10, day: 1)!
    static let latest = Day(year: 2100, month: 12, day: 31)!

    mutating func day(_ f: Fields, _ key: String, required: Bool) -> Day? {
        guard let text = string(f, key, required: required) else { return nil }
        let m = f.members[key]!
        guard let d = Day(text) else {
            report(m.value.offset, join(f.path, key), "\"\(text)\" is not a valid date (expected YYYY-MM-DD, a real calendar day)")
            return nil
        }
        guard d >= SnapshotReader.earliest, d <= SnapshotReader.latest else {
            report(m.value.offset, join(f.path, key), "date \(d) is outside 1949-10-01 ... 2100-12-31")
            return nil
        }
        return d
    }

    mutating func region(_ f: Fields, _ key: String, required: Bool, allowCountry: Bool) -> RegionCode? {
        guard let text = string(f, key, required: required) else { return nil }
        let m = f.members[key]!
        guard let code = RegionCode(text) else {
            report(m.value.offset, join(f.path, key), "\"\(text)\" is not a six-digit region code")
            return nil
        }
        if code == .country {
            if allowCountry { return code }
            report(m.value.offset, join(f.path, key), "000000 (the whole country) is not allowed here; use a province, prefecture or county code")
            return nil
        }
        guard gazetteer.contains(code) else {
            report(m.value.offset, join(f.path, key), "unknown region code \(text) (not in the GB/T 2260 gazetteer)")
            return nil
        }
        return code
    }

    mutating func strings(_ f: Fields, _ key: String, required: Bool) -> [String]? {
        guard let m = f.members[key] else {
            if required { report(f.offset, join(f.path, key), "missing required field \"\(key)\"") }
            return nil
        }
        guard case .array(let items) = m.value.value else {
            report(m.value.offset, join(f.path, key), "expected an array of strings, found \(m.value.typeName)")
            return nil
        }
        var out: [String] = []
        for (k, item) in items.enumerated() {
            guard case .string(let s) = item.value else {
                report(item.offset, "\(join(f.path, key))[\(k)]", "expected a string, found \(item.typeName)")
                continue
            }
            out.append(TextSafety.clean(s))
        }
        return out
    }

    mutating func array(_ f: Fields, _ key: String, required: Bool) -> [Located]? {
        guard let m = f.members[key] else {
            if required { report(f.offset, join(f.path, key), "missing required field \"\(key)\"") }
            return nil
        }
        guard case .array(let items) = m.value.value else {
            report(m.value.offset, join(f.path, key), "expected an array, found \(m.value.typeName)")
            return nil
        }
        return items
    }

    mutating func enumValue<E: RawRepresentable & CaseIterable>(_ f: Fields, _ key: String, _: E.Type) -> E?
    where E.RawValue == String {
        guard let text = string(f, key, required: true) else { return nil }
        guard let e = E(rawValue: text) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            report(f.members[key]!.value.offset, join(f.path, key), "unknown \(key) \"\(text)\" (expected one of: \(allowed))")
            return nil
        }
        return e
    }
}
