/// Decodes the `deployments` array straight from the file's bytes into a `DeploymentTable`,
/// checking every field as it goes: the fast path that makes a million records load in
/// about a second, with the same messages and positions as the rest of the reader.
///
/// Checks that need the whole file (duplicate ids, dangling source ids, a date after an
/// `asOf` written later in the file) are done afterwards from per-row offsets.
struct DeploymentDecoder {
    let gazetteer: Gazetteer
    /// Known before the array when the file writes them first (the usual order).
    var asOf: Day?
    var synthetic: Bool?
    var table = DeploymentTable()
    var reader: SnapshotReader

    /// Per appended row: its index in the array, and where its id and date values start.
    var rowElement: [Int32] = []
    var rowIDOffset: [Int32] = []
    var rowDateOffset: [Int32] = []
    /// Rows with an empty `sources`, checked at the end when `synthetic` was not yet known.
    var emptySources: [(element: Int, offset: Int)] = []
    /// The first use of each source id, for the dangling-id check.
    var sourceFirstUse: [(offset: Int, path: String)] = []
    /// Where the first `body` was written: a version 1 file may not use it (checked at the end
    /// when `version` came after the array).
    var firstBody: (offset: Int, path: String)?
    /// Known before the array when the file writes it first (the usual order).
    var version: Int?
    var sourceUses: [Int] = []
    /// Elements read by `decodeElements` (rows appended or not).
    var elements = 0

    /// Told how far the cursor has got every few thousand rows (the mapped file lets go of
    /// the pages behind it).
    var progress: ((Int) -> Void)?

    init(gazetteer: Gazetteer, reader: SnapshotReader) {
        self.gazetteer = gazetteer
        self.reader = reader
    }

    /// Where a value sits, for messages: element k of the array, a field, an index in a list.
    /// A plain value so the hot path builds no strings and allocates nothing.
    struct Place {
        var element: Int
        /// A known field is kept as its case, not its name: no String to retain per value.
        var known: DeploymentField?
        var field: String?
        var index: Int?

        init(element: Int, field: String? = nil, index: Int? = nil) {
            self.element = element; self.field = field; self.index = index
        }

        init(element: Int, known: DeploymentField?) {
            self.element = element; self.known = known
        }

        var path: String {
            var s = "deployments[\(element)]"
            if let field = known?.name ?? field { s += "." + field }
            if let index { s += "[\(index)]" }
            return s
        }
    }

    /// A string value: where its bytes are, or the decoded text when it had escapes or
    /// needed cleaning.
    struct Text {
        var range: Range<Int> = 0..<0
        var owned: [UInt8]?

        func withBytes<R>(_ p: JSONParser, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            if let owned { return owned.withUnsafeBufferPointer(body) }
            return body(UnsafeBufferPointer(rebasing: p.bytes[range]))
        }
    }

    /// Reads the whole array; the cursor is on its `[`.
    mutating func decodeArray(_ p: inout JSONParser) throws(JSONSyntaxError) {
        try p.enter()
        p.i += 1
        p.skipSpace()
        if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; p.depth -= 1; return }
        _ = try decodeElements(&p, stops: [])
    }

    /// Reads elements from the cursor (at the start of one) until the array closes (nil, the
    /// cursor after its `]`) or, after a comma, the next element starts exactly at one of
    /// `stops` (its index; the cursor there). `stops` are where other pieces of a parallel
    /// parse began (`DeploymentPieces`); an element that runs over one merely passes it.
    /// Element numbers count from 0 within this piece. The columns are sized for the rows up
    /// to `sizeTo` (default: the first stop, or the end of the file).
    mutating func decodeElements(_ p: inout JSONParser, stops: [Int], sizeTo: Int? = nil) throws(JSONSyntaxError) -> Int? {
        var k = 0
        var stop = 0
        let arrayStart = p.i
        // Where this piece probably ends, for sizing the columns.
        let end = sizeTo ?? stops.first ?? p.bytes.count
        while true {
            p.skipSpace()
            try decodeDeployment(&p, element: k)
            k += 1
            if k == 4096, table.count > 0 {
                // Size the columns once from the rows so far and the bytes left.
                let perRow = Double(p.i - arrayStart) / Double(k)
                table.reserve(rows: Int(Double(max(end, p.i) - arrayStart) / perRow * 1.05))
            }
            if k % 8192 == 0 { progress?(p.i) }
            p.skipSpace()
            guard p.i < p.bytes.count else { throw p.truncated() }
            if p.bytes[p.i] == UInt8(ascii: ",") {
                p.i += 1
                guard stop < stops.count else { continue }
                p.skipSpace()
                while stop < stops.count, stops[stop] < p.i { stop += 1 }
                if stop < stops.count, stops[stop] == p.i { elements = k; return stop }
                continue
            }
            if p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; p.depth -= 1; elements = k; return nil }
            throw JSONSyntaxError(offset: p.i, message: "expected ',' or ']' in an array, found \(p.describe(p.i))")
        }
    }

    private mutating func wrongType(_ p: inout JSONParser, _ place: Place, expected: String) throws(JSONSyntaxError) {
        let v = try p.value(keep: false)
        reader.report(v.offset, place.path, "expected \(expected), found \(v.typeName)")
    }

    /// Reads a string value and makes it safe; nil (and a problem) for another type.
    private mutating func text(_ p: inout JSONParser, _ place: Place) throws(JSONSyntaxError) -> Text? {
        guard p.i < p.bytes.count else { throw p.truncated() }
        guard p.bytes[p.i] == UInt8(ascii: "\"") else {
            try wrongType(&p, place, expected: "a string")
            return nil
        }
        let (range, plain, ascii) = try p.scanStringASCII()
        if ascii || (plain && TextSafety.isSafe(UnsafeBufferPointer(rebasing: p.bytes[range]))) {
            return Text(range: range)
        }
        return Text(owned: Array(TextSafety.clean(try p.text(of: range, plain: plain)).utf8))
    }

    /// A row's model, use-case and source numbers, kept from row to row so that reading a
    /// list allocates nothing (three arrays a row were a tenth of the load).
    struct Lists {
        var models: [UInt32] = []
        var useCases: [UInt32] = []
        var sources: [UInt32] = []
    }
    private var lists = Lists()

    /// Reads an array of strings into `out`, interning each into a vocabulary of the table;
    /// false (and a problem) when it is not an array or an item is not a string.
    private mutating func names(_ p: inout JSONParser, _ place: Place,
                                _ vocabulary: DeploymentTable.ListKind, into out: inout [UInt32],
                                trackSources: Bool = false) throws(JSONSyntaxError) -> Bool {
        guard p.i < p.bytes.count else { throw p.truncated() }
        guard p.bytes[p.i] == UInt8(ascii: "[") else {
            try wrongType(&p, place, expected: "an array of strings")
            return false
        }
        try p.enter()
        p.i += 1
        var ok = true
        p.skipSpace()
        if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; p.depth -= 1; return true }
        var j = 0
        while true {
            p.skipSpace()
            let at = p.i
            var item = place
            item.index = j
            if let t = try text(&p, item) {
                let n = t.withBytes(p) { b in
                    table.internName(b, into: vocabulary) { String(decoding: b, as: UTF8.self) }
                }
                if trackSources {
                    while sourceUses.count <= Int(n) { sourceUses.append(0); sourceFirstUse.append((at, item.path)) }
                    sourceUses[Int(n)] += 1
                }
                out.append(n)
            } else {
                ok = false
            }
            j += 1
            p.skipSpace()
            guard p.i < p.bytes.count else { throw p.truncated() }
            if p.bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
            if p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; p.depth -= 1; return ok }
            throw JSONSyntaxError(offset: p.i, message: "expected ',' or ']' in an array, found \(p.describe(p.i))")
        }
    }

    private mutating func flag(_ p: inout JSONParser, _ place: Place) throws(JSONSyntaxError) -> Bool {
        let v = try p.value(keep: false)
        guard case .bool(let b) = v.value else {
            reader.report(v.offset, place.path, "expected true or false, found \(v.typeName)")
            return false
        }
        return b
    }

    /// Reads one element of the array; appends it to the table when every field is valid.
    mutating func decodeDeployment(_ p: inout JSONParser, element k: Int) throws(JSONSyntaxError) {
        let row = Place(element: k)
        guard p.i < p.bytes.count else { throw p.truncated() }
        let start = p.i
        guard p.bytes[p.i] == UInt8(ascii: "{") else {
            try wrongType(&p, row, expected: "an object")
            return
        }
        try p.enter()
        p.i += 1

        var seen: UInt16 = 0
        var unknown: Set<String>?
        var ok = true
        var id: Text?, organization: Text?, note: Text?
        var region: Int32?, date: Int32?, status: UInt8?, sector: UInt8?, body: UInt8 = 0
        var hasModels = false, hasUseCases = false, hasSources = false
        // Taken out of `self` so it is uniquely referenced (appends reuse its storage).
        var lists = self.lists
        self.lists = Lists()
        lists.models.removeAll(keepingCapacity: true)
        lists.useCases.removeAll(keepingCapacity: true)
        lists.sources.removeAll(keepingCapacity: true)
        defer { self.lists = lists }
        var flags: UInt8 = 0
        var idOffset = start, dateOffset = start

        p.skipSpace()
        var empty = false
        if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "}") { p.i += 1; empty = true }
        while !empty {
            p.skipSpace()
            guard p.i < p.bytes.count else { throw p.truncated() }
            guard p.bytes[p.i] == UInt8(ascii: "\"") else {
                throw JSONSyntaxError(offset: p.i, message: "expected a quoted field name, found \(p.describe(p.i))")
            }
            let keyOffset = p.i
            let (keyRange, keyPlain) = try p.scanString()
            let keyText: String? = keyPlain ? nil : try p.text(of: keyRange, plain: false)
            let field: DeploymentField? = keyText.map { k in
                Array(k.utf8).withUnsafeBufferPointer { DeploymentField($0) }
            } ?? DeploymentField(UnsafeBufferPointer(rebasing: p.bytes[keyRange]))
            func keyName() -> String {
                keyText ?? String(decoding: UnsafeBufferPointer(rebasing: p.bytes[keyRange]), as: UTF8.self)
            }
            if let field {
                if seen & field.bit != 0 {
                    throw JSONSyntaxError(offset: keyOffset, message: "duplicate field name \"\(field.name)\" in the same object")
                }
                seen |= field.bit
            } else if unknown == nil {
                unknown = [keyName()]
            } else if !unknown!.insert(keyName()).inserted {
                throw JSONSyntaxError(offset: keyOffset, message: "duplicate field name \"\(TextSafety.clean(keyName()))\" in the same object")
            }
            p.skipSpace()
            guard p.i < p.bytes.count else { throw p.truncated() }
            guard p.bytes[p.i] == UInt8(ascii: ":") else {
                throw JSONSyntaxError(offset: p.i, message: "expected ':' after the field name, found \(p.describe(p.i))")
            }
            p.i += 1
            p.skipSpace()
            let at = p.i
            let place = Place(element: k, known: field)
            switch field {
            case .id?:
                idOffset = at
                id = try text(&p, place)
                if let t = id, !t.withBytes(p, SnapshotReader.isValidID(bytes:)) {
                    let shown = t.withBytes(p) { String(decoding: $0, as: UTF8.self) }
                    reader.report(at, place.path, "\"\(shown)\" is not a valid id (lower-case letters, digits and '-', at most 128)")
                    id = nil
                }
            case .organization?:
                organization = try text(&p, place)
                if let t = organization, t.withBytes(p, TextSafety.isBlank) {
                    reader.report(at, place.path, "must not be empty")
                    organization = nil
                }
            case .note?:
                note = try text(&p, place)
                if note == nil { ok = false }
            case .region?:
                if let t = try text(&p, place) { region = checkRegion(t, p, at, place) }
            case .date?:
                dateOffset = at
                if let t = try text(&p, place) { date = checkDate(t, p, at, place) }
            case .status?:
                if let t = try text(&p, place) {
                    status = t.withBytes(p) { EnumBytes.index(of: $0, in: EnumBytes.statuses) }
                    if status == nil { unknownValue(t, p, at, place, "status", Status.allCases.map(\.rawValue)) }
                }
            case .sector?:
                if let t = try text(&p, place) {
                    sector = t.withBytes(p) { EnumBytes.index(of: $0, in: EnumBytes.sectors) }
                    if sector == nil { unknownValue(t, p, at, place, "sector", Sector.allCases.map(\.rawValue)) }
                }
            case .body?:
                if firstBody == nil { firstBody = (at, place.path) }
                if let t = try text(&p, place) {
                    if let b = t.withBytes(p, { EnumBytes.index(of: $0, in: EnumBytes.bodies) }) {
                        body = b + 1
                    } else {
                        unknownValue(t, p, at, place, "body", Body.allCases.map(\.rawValue))
                        ok = false
                    }
                } else {
                    ok = false
                }
            case .models?: hasModels = try names(&p, place, .models, into: &lists.models)
            case .useCases?: hasUseCases = try names(&p, place, .useCases, into: &lists.useCases)
            case .sources?:
                hasSources = try names(&p, place, .sources, into: &lists.sources, trackSources: true)
                if hasSources, lists.sources.isEmpty {
                    if synthetic == nil { emptySources.append((k, at)) }
                    else if synthetic == false {
                        reader.report(at, place.path, "at least one source is required (only synthetic files may omit them)")
                        ok = false
                    }
                }
            case .approximate?: if try flag(&p, place) { flags |= 1 }
            case .uncertain?: if try flag(&p, place) { flags |= 2 }
            case nil:
                _ = try p.value(keep: false)
                let key = keyName()
                reader.report(keyOffset, Place(element: k, field: TextSafety.clean(key)).path,
                              SnapshotReader.unknownField(key, known: DeploymentField.allNames), .warning)
            }
            p.skipSpace()
            guard p.i < p.bytes.count else { throw p.truncated() }
            if p.bytes[p.i] == UInt8(ascii: ",") { p.i += 1; continue }
            if p.bytes[p.i] == UInt8(ascii: "}") { p.i += 1; break }
            throw JSONSyntaxError(offset: p.i, message: "expected ',' or '}' in an object, found \(p.describe(p.i))")
        }
        p.depth -= 1

        for f in DeploymentField.required where seen & f.bit == 0 {
            reader.report(start, Place(element: k, field: f.name).path, "missing required field \"\(f.name)\"")
            ok = false
        }
        if let d = date, let asOf, d > asOf.ordinal {
            reader.report(dateOffset, Place(element: k, field: "date").path, "date \(Day(ordinal: d)) is after the snapshot's asOf \(asOf)")
            ok = false
        }
        guard ok, let id, let organization, let region, let date, let status, let sector,
              hasModels, hasUseCases, hasSources else { return }
        if note != nil { flags |= 4 }
        id.withBytes(p) { idBytes in
            organization.withBytes(p) { orgBytes in
                (note ?? Text()).withBytes(p) { noteBytes in
                    table.appendRow(id: idBytes, region: region, organization: orgBytes, date: date, flags: flags,
                                    status: status, sector: sector, models: lists.models, useCases: lists.useCases,
                                    sources: lists.sources, note: noteBytes, body: version == 1 ? 0 : body)
                }
            }
        }
        rowElement.append(Int32(k))
        rowIDOffset.append(Int32(idOffset))
        rowDateOffset.append(Int32(dateOffset))
    }

    private mutating func unknownValue(_ t: Text, _ p: JSONParser, _ at: Int, _ place: Place, _ what: String, _ allowed: [String]) {
        let shown = t.withBytes(p) { String(decoding: $0, as: UTF8.self) }
        reader.report(at, place.path, "unknown \(what) \"\(shown)\" (expected one of: \(allowed.joined(separator: ", ")))")
    }

    private mutating func checkRegion(_ t: Text, _ p: JSONParser, _ at: Int, _ place: Place) -> Int32? {
        let value: Int32? = t.withBytes(p) { b in
            guard b.count == 6 else { return nil }
            var v: Int32 = 0
            for c in b {
                guard c >= 0x30, c <= 0x39 else { return nil }
                v = v * 10 + Int32(c - 0x30)
            }
            return v
        }
        func shown() -> String { t.withBytes(p) { String(decoding: $0, as: UTF8.self) } }
        guard let value else {
            reader.report(at, place.path, "\"\(shown())\" is not a six-digit region code")
            return nil
        }
        if value == 0 {
            reader.report(at, place.path, "000000 (the whole country) is not allowed here; use a province, prefecture or county code")
            return nil
        }
        guard gazetteer.contains(RegionCode(value: value)) else {
            reader.report(at, place.path, "unknown region code \(shown()) (not in the GB/T 2260 gazetteer)")
            return nil
        }
        return value
    }

    private mutating func checkDate(_ t: Text, _ p: JSONParser, _ at: Int, _ place: Place) -> Int32? {
        guard let d = t.withBytes(p, Day.parse) else {
            let shown = t.withBytes(p) { String(decoding: $0, as: UTF8.self) }
            reader.report(at, place.path, "\"\(shown)\" is not a valid date (expected YYYY-MM-DD, a real calendar day)")
            return nil
        }
        guard d >= SnapshotReader.earliest, d <= SnapshotReader.latest else {
            reader.report(at, place.path, "date \(d) is outside 1949-10-01 ... 2100-12-31")
            return nil
        }
        return d.ordinal
    }
}
