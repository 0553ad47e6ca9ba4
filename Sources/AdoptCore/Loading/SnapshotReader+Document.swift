extension SnapshotReader {
    static let topFields: Set<String> = ["format", "version", "asOf", "title", "synthetic", "sources",
                                         "deployments", "events", "claims", "$schema"]
    static let sourceFields: Set<String> = ["id", "publisher", "title", "date", "url"]
    static let eventFields: Set<String> = ["date", "title", "region", "source"]
    static let claimFields: Set<String> = ["date", "region", "metric", "value", "source"]

    /// The document's top-level fields other than `deployments`, which the streaming decoder
    /// has already read into `table`; nil when anything is an error (problems says what).
    mutating func read(top: Fields, table: DeploymentTable) -> Snapshot? {
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
            if let date, let title {
                events.append(Event(date: date, title: title, region: region, source: source))
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
            if let date, let region, let metric, let value, let source {
                claims.append(Claim(date: date, region: region, metric: metric, value: value, source: source))
            }
        }

        guard !hasErrors, let asOf else { return nil }
        return Snapshot(file: file, asOf: asOf, title: title, synthetic: synthetic, sources: sources,
                        table: table, events: events, claims: claims)
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
        guard v == Double(Snapshot.supportedVersion) else {
            let shown = v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(v)
            report(top.members["version"]!.value.offset, "version",
                   "unsupported version \(shown) (this adopt reads version \(Snapshot.supportedVersion))")
            return false
        }
        return true
    }

    /// Ids are compared across snapshots and shown on screen: keep them plain (`^[a-z0-9-]+$`).
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
