extension SnapshotReader {
    static let topFields: Set<String> = ["format", "version", "asOf", "title", "synthetic", "sources",
                                         "deployments", "events", "claims", "$schema"]
    static let sourceFields: Set<String> = ["id", "publisher", "title", "date", "url"]
    static let eventFields: Set<String> = ["date", "title", "region", "source", "analysis"]
    static let claimFields: Set<String> = ["date", "region", "metric", "value", "source", "counts"]
    static let analysisFields: Set<String> = ["whatHappened", "whyItMatters", "strategicFunction",
                                              "systemicImpact", "longTermSignal"]
    static let countsFields: Set<String> = ["unit", "sectors", "levels", "statuses", "bodies"]

    /// The document's top-level fields other than `deployments`, which the streaming decoder
    /// has already read into `table`; nil when anything is an error (problems says what).
    mutating func read(top: Fields, table: DeploymentTable) -> Snapshot? {
        let version = number(top, "version").map { Int($0) } ?? 1
        let asOf = day(top, "asOf", required: true)
        let title = string(top, "title", required: false)
        let synthetic = bool(top, "synthetic")
        if top.members["deployments"] == nil {
            report(top.offset, "deployments", "missing required field \"deployments\"")
        }

        var sources: [Source] = []
        var sourceLines: [String: Int] = [:]
        for (k, item) in (array(top, "sources", required: true) ?? []).enumerated() {
            let path = "sources[\(k)]"
            guard let f = object(item, path, known: SnapshotReader.sourceFields) else { continue }
            guard let id = string(f, "id", required: true),
                  let publisher = string(f, "publisher", required: true) else { continue }
            if sourceLines[id] != nil {
                report(f.members["id"]!.value.offset, path + ".id", "duplicate source id \"\(id)\"")
                continue
            }
            sourceLines[id] = k
            sources.append(Source(id: id, publisher: publisher, title: string(f, "title", required: false),
                                  date: day(f, "date", required: false), url: string(f, "url", required: false)))
        }

        var events: [Event] = []
        for (k, item) in (array(top, "events", required: false) ?? []).enumerated() {
            let path = "events[\(k)]"
            guard let f = object(item, path, known: SnapshotReader.eventFields) else { continue }
            let date = day(f, "date", required: true), title = string(f, "title", required: true)
            let region = region(f, "region", required: false, allowCountry: true)
            let source = sourceRef(f, "source", required: false, sources: sourceLines)
            let analysis = versionTwo(f, "analysis", version) ? self.analysis(f) : nil
            if let date, let title {
                events.append(Event(date: date, title: title, region: region, source: source, analysis: analysis))
            }
        }

        var claims: [Claim] = []
        for (k, item) in (array(top, "claims", required: false) ?? []).enumerated() {
            let path = "claims[\(k)]"
            guard let f = object(item, path, known: SnapshotReader.claimFields) else { continue }
            let date = day(f, "date", required: true)
            let region = region(f, "region", required: true, allowCountry: true)
            let metric = string(f, "metric", required: true)
            let value = number(f, "value")
            let source = sourceRef(f, "source", required: true, sources: sourceLines)
            let counts = versionTwo(f, "counts", version) ? self.counts(f) : ClaimCounts()
            if let date, let region, let metric, let value, let source, let counts {
                claims.append(Claim(date: date, region: region, metric: metric, value: value, source: source,
                                    counts: counts))
            }
        }

        guard !hasErrors, let asOf else { return nil }
        return Snapshot(file: file, asOf: asOf, title: title, synthetic: synthetic, sources: sources,
                        table: table, events: events, claims: claims, version: version)
    }

    /// `format` and `version` come first: a file of another format or version is not read further.
    mutating func checkHeader(_ top: Fields) -> Bool {
        guard let format = string(top, "format", required: true) else { return false }
        guard format == Snapshot.formatName else {
            report(top.members["format"]!.value.offset, "format",
                   "\"\(format)\" is not an adopt snapshot (expected \"\(Snapshot.formatName)\")")
            return false
        }
        guard let v = number(top, "version") else { return false }
        guard v == v.rounded(), abs(v) < 1e9, Snapshot.supportedVersions.contains(Int(v)) else {
            let shown = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
            let known = Snapshot.supportedVersions.map(String.init).joined(separator: " and ")
            report(top.members["version"]!.value.offset, "version",
                   "unsupported version \(shown) (this adopt reads versions \(known))")
            return false
        }
        return true
    }

    /// Whether a version 2 field is present and may be read; in a version 1 file it is a
    /// warning and ignored, so old readers and new files never disagree silently.
    private mutating func versionTwo(_ f: Fields, _ key: String, _ version: Int) -> Bool {
        guard let m = f.members[key] else { return false }
        if version < 2 {
            report(m.keyOffset, join(f.path, key),
                   "\"\(key)\" is a version 2 field and this file says version \(version) (ignored)", .warning)
            return false
        }
        return true
    }

    /// `events[].analysis`: five optional texts.
    private mutating func analysis(_ f: Fields) -> EventAnalysis? {
        guard let m = f.members["analysis"],
              let a = object(m.value, join(f.path, "analysis"), known: SnapshotReader.analysisFields) else { return nil }
        let out = EventAnalysis(
            whatHappened: string(a, "whatHappened", required: false),
            whyItMatters: string(a, "whyItMatters", required: false),
            strategicFunction: string(a, "strategicFunction", required: false),
            systemicImpact: string(a, "systemicImpact", required: false),
            longTermSignal: string(a, "longTermSignal", required: false))
        return out.isEmpty ? nil : out
    }

    /// `claims[].counts`: the unit and the deployments that qualify; nil (and a problem) when
    /// any part is wrong, since a mis-read definition would show a wrong tracked figure.
    private mutating func counts(_ f: Fields) -> ClaimCounts? {
        guard let m = f.members["counts"],
              let c = object(m.value, join(f.path, "counts"), known: SnapshotReader.countsFields) else { return nil }
        var out = ClaimCounts()
        var ok = true
        if c.members["unit"] != nil {
            if let u = enumValue(c, "unit", ClaimCounts.Unit.self) { out.unit = u } else { ok = false }
        }
        func list<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type, into set: inout Set<E>)
        where E.RawValue == String {
            guard let names = strings(c, key, required: false) else {
                if c.members[key] != nil { ok = false }
                return
            }
            for (k, name) in names.enumerated() {
                if let e = E(rawValue: name) { set.insert(e); continue }
                let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
                report(c.members[key]!.value.offset, "\(join(c.path, key))[\(k)]",
                       "unknown value \"\(name)\" (expected one of: \(allowed))")
                ok = false
            }
        }
        list("sectors", Sector.self, into: &out.sectors)
        list("statuses", Status.self, into: &out.statuses)
        list("bodies", Body.self, into: &out.bodies)
        var levels: Set<ClaimLevel> = []
        list("levels", ClaimLevel.self, into: &levels)
        out.levels = Set(levels.map(\.regionLevel))
        return ok ? out : nil
    }

    /// Ids are compared across snapshots and shown on screen: keep them plain (`^[a-z0-9-]+$`).
    /// `isValidID` on UTF-8 bytes (the loader's hot path: no String per row).
    static func isValidID(bytes b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !b.isEmpty, b.count <= 128 else { return false }
        for c in b where !((c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x2D) { return false }
        return true
    }

    static func isValidID(_ id: String) -> Bool {
        id.utf8.count <= 128 && !id.isEmpty
            && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    private mutating func sourceRef(_ f: Fields, _ key: String, required: Bool, sources: [String: Int]) -> String? {
        guard let id = string(f, key, required: required) else { return nil }
        guard sources[id] != nil else {
            report(f.members[key]!.value.offset, join(f.path, key), "source id \"\(id)\" is not in this file's sources")
            return nil
        }
        return id
    }
}
