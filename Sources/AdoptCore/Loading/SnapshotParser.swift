/// Reads a whole snapshot document in one pass: the top-level object key by key, the
/// `deployments` array streamed row by row (`DeploymentDecoder`), everything else as a small
/// tree checked by `SnapshotReader`; then the checks that need the whole file.
struct SnapshotParser {
    let file: String
    let gazetteer: Gazetteer
    /// Told the bytes decoded so far: the cursor in the sequential path, a total over the
    /// pieces in the parallel one (from one thread at a time).
    var progress: ((Int) -> Void)? = nil
    /// Pieces the deployments array is decoded in, one per thread (1: sequentially).
    var pieces = 1
    /// In the parallel path, lets go of file pages no piece will read again.
    var release: ((Range<Int>) -> Void)? = nil

    struct Outcome {
        var snapshot: Snapshot?
        var problems: [(offset: Int, path: String, message: String, severity: Problem.Severity)]
        var dropped: Int
        var droppedErrors = 0
    }

    func parse(_ bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits) throws(JSONSyntaxError) -> Outcome {
        var p = JSONParser(bytes: bytes, limits: limits)
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw JSONSyntaxError(offset: 0, message:
                "the file starts with a byte-order mark (U+FEFF); save it as UTF-8 without a BOM")
        }
        p.skipSpace()
        guard p.i < bytes.count else { throw JSONSyntaxError(offset: 0, message: "the file is empty") }
        var top = SnapshotReader(file: file, gazetteer: gazetteer)
        var decoder = DeploymentDecoder(gazetteer: gazetteer, reader: SnapshotReader(file: file, gazetteer: gazetteer))
        decoder.progress = progress

        guard bytes[p.i] == UInt8(ascii: "{") else {
            let v = try p.value(keep: false)
            try p.expectEnd()
            _ = top.object(v, "", known: [])
            return Outcome(snapshot: nil, problems: top.problems, dropped: 0)
        }
        let rootOffset = p.i
        var members: [String: JSONValue.Member] = [:]
        try p.enter()
        p.i += 1
        p.skipSpace()
        if p.i < bytes.count, bytes[p.i] == UInt8(ascii: "}") {
            p.i += 1
        } else {
            while true {
                p.skipSpace()
                guard p.i < bytes.count else { throw p.truncated() }
                guard bytes[p.i] == UInt8(ascii: "\"") else {
                    throw JSONSyntaxError(offset: p.i, message: "expected a quoted field name, found \(p.describe(p.i))")
                }
                let keyOffset = p.i
                let key = try p.string()
                if members[key] != nil {
                    throw JSONSyntaxError(offset: keyOffset, message: "duplicate field name \"\(TextSafety.clean(key))\" in the same object")
                }
                p.skipSpace()
                guard p.i < bytes.count else { throw p.truncated() }
                guard bytes[p.i] == UInt8(ascii: ":") else {
                    throw JSONSyntaxError(offset: p.i, message: "expected ':' after the field name, found \(p.describe(p.i))")
                }
                p.i += 1
                p.skipSpace()
                guard p.i < bytes.count else { throw p.truncated() }
                if key == "deployments", bytes[p.i] == UInt8(ascii: "[") {
                    decoder.asOf = Self.day(members["asOf"])
                    decoder.synthetic = Self.flag(members["synthetic"])
                    decoder.version = Self.integer(members["version"])
                    let at = p.i
                    if pieces > 1 {
                        try DeploymentPieces.decode(&p, into: &decoder, pieces: pieces, release: release, progress: progress)
                    } else {
                        try decoder.decodeArray(&p)
                    }
                    // The array itself is not kept as a tree; an empty stand-in marks it present.
                    members[key] = JSONValue.Member(key: key, keyOffset: keyOffset, value: Located(value: .array([]), offset: at))
                } else {
                    let known = SnapshotReader.topFields.contains(key)
                    if !known {
                        top.report(keyOffset, TextSafety.clean(key),
                                   SnapshotReader.unknownField(key, known: SnapshotReader.topFields), .warning)
                    }
                    // An unknown field, or a `deployments` that is not an array, is only named in a message.
                    let keep = known && key != "deployments"
                    members[key] = JSONValue.Member(key: key, keyOffset: keyOffset, value: try p.value(keep: keep))
                }
                p.skipSpace()
                guard p.i < bytes.count else { throw p.truncated() }
                if bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
                if bytes[p.i] == UInt8(ascii: "}") { p.i += 1; break }
                throw JSONSyntaxError(offset: p.i, message: "expected ',' or '}' in an object, found \(p.describe(p.i))")
            }
        }
        p.depth -= 1
        try p.expectEnd()

        let fields = SnapshotReader.Fields(members: members, offset: rootOffset, path: "")
        // A file of another format or version is not read further: its other problems would mislead.
        guard top.checkHeader(fields) else {
            return Outcome(snapshot: nil, problems: top.problems.filter { $0.path == "format" || $0.path == "version" }, dropped: 0)
        }
        if let m = members["deployments"], case .array = m.value.value {} else if let m = members["deployments"] {
            top.report(m.value.offset, "deployments", "expected an array, found \(m.value.typeName)")
        }
        var table = decoder.table
        let snapshot = top.read(top: fields, table: table)
        var rows = decoder.reader
        if let version = Self.integer(members["version"]), version < 2, let first = decoder.firstBody {
            rows.report(first.offset, first.path,
                        "\"body\" is a version 2 field and this file says version \(version) (ignored)", .warning)
            table.clearBodies()
        }
        wholeFileChecks(&rows, decoder: decoder, table: &table, asOf: Self.day(members["asOf"]),
                        synthetic: Self.flag(members["synthetic"]) ?? false,
                        sourceIDs: Set((snapshot?.sources ?? []).map(\.id)).union(Self.sourceIDs(members["sources"])))
        var problems = (top.problems + rows.problems).sorted { $0.offset < $1.offset }
        var dropped = top.dropped + rows.dropped, droppedErrors = top.droppedErrors + rows.droppedErrors
        // Each reader keeps 200; together they too list at most 200.
        if problems.count > SnapshotReader.maxProblems {
            for p in problems[SnapshotReader.maxProblems...] {
                dropped += 1
                if p.severity == .error { droppedErrors += 1 }
            }
            problems.removeLast(problems.count - SnapshotReader.maxProblems)
        }
        let valid = snapshot != nil && !rows.hasErrors
        var result = snapshot
        result?.deployments = table
        return Outcome(snapshot: valid ? result : nil, problems: problems, dropped: dropped, droppedErrors: droppedErrors)
    }

    /// Duplicate ids, dangling source ids, and the checks deferred because `asOf` or
    /// `synthetic` came after the deployments in the file.
    private func wholeFileChecks(_ r: inout SnapshotReader, decoder: DeploymentDecoder, table: inout DeploymentTable,
                                 asOf: Day?, synthetic: Bool, sourceIDs: Set<String>) {
        if decoder.asOf == nil, let asOf {
            for row in table.indices where table.dates[row] > asOf.ordinal {
                r.report(Int(decoder.rowDateOffset[row]), "deployments[\(decoder.rowElement[row])].date",
                         "date \(table.date(at: row)) is after the snapshot's asOf \(asOf)")
            }
        }
        if decoder.synthetic == nil, !synthetic {
            for e in decoder.emptySources {
                r.report(e.offset, "deployments[\(e.element)].sources",
                         "at least one source is required (only synthetic files may omit them)")
            }
        }
        for n in 0..<table.sourceIDs.count where !sourceIDs.contains(table.sourceIDs[n]) {
            let first = decoder.sourceFirstUse[n]
            let more = decoder.sourceUses[n] - 1
            r.report(first.offset, first.path, "dangling source id \"\(table.sourceIDs[n])\" (not in this file's sources)"
                     + (more > 0 ? "; \(more) more uses" : ""))
        }
        let index = IDIndex(table, parts: pieces)
        for (first, again) in index.duplicates(in: table) {
            r.report(Int(decoder.rowIDOffset[again]), "deployments[\(decoder.rowElement[again])].id",
                     "duplicate id \"\(table.id(at: again))\" (first used by deployments[\(decoder.rowElement[first])])")
        }
        table.idIndex = index
    }

    private static func day(_ m: JSONValue.Member?) -> Day? {
        guard let m, case .string(let s) = m.value.value else { return nil }
        return Day(s)
    }

    private static func integer(_ m: JSONValue.Member?) -> Int? {
        guard let m, case .number(let n) = m.value.value, n == n.rounded(), abs(n) < 1e9 else { return nil }
        return Int(n)
    }

    private static func flag(_ m: JSONValue.Member?) -> Bool? {
        guard let m, case .bool(let b) = m.value.value else { return nil }
        return b
    }

    /// Source ids as written, so a source with another problem does not also make its uses dangle.
    private static func sourceIDs(_ m: JSONValue.Member?) -> Set<String> {
        guard let m, case .array(let items) = m.value.value else { return [] }
        var out = Set<String>()
        for item in items {
            if case .object(let fields) = item.value,
               let id = fields.first(where: { $0.key == "id" }), case .string(let s) = id.value.value {
                out.insert(TextSafety.clean(s))
            }
        }
        return out
    }
}

extension JSONParser {
    /// Only whitespace may follow the document.
    mutating func expectEnd() throws(JSONSyntaxError) {
        skipSpace()
        if i < bytes.count {
            throw JSONSyntaxError(offset: i, message: "unexpected \(describe(i)) after the end of the document")
        }
    }
}
