import Foundation

/// Decodes a large `deployments` array on every core: the array is cut where an element
/// probably starts, each piece is decoded on its own thread into its own table, and the pieces
/// are joined in file order into exactly what one `DeploymentDecoder` would have built.
///
/// Why guesses are safe: a cut is found by a short look for `}`, `,`, `{` near an even split,
/// which a string value could also contain. A piece's result is used only when the piece
/// before it, itself used, stopped after a comma exactly at that cut (`decodeElements`), so
/// the parser there was at an element start, in the same state as the sequential reader. A
/// piece that runs over a false cut simply carries on to the next one; a piece that began at
/// a false cut is thrown away. A syntax error in a piece that is used is the error the
/// sequential reader would throw, so it is thrown as is. Element numbers in messages are
/// counted within each piece and shifted when the pieces are joined.
struct DeploymentPieces {
    /// Reads the array (the cursor is on its `[`) into `decoder`, which is fresh apart from the
    /// file-level facts it was given (`asOf`, `synthetic`, `version`). `release` lets go of
    /// file pages no piece will read again; `progress` is told the bytes decoded so far.
    static func decode(_ p: inout JSONParser, into decoder: inout DeploymentDecoder, pieces: Int,
                       release: ((Range<Int>) -> Void)?, progress: ((Int) -> Void)?) throws(JSONSyntaxError) {
        try p.enter()
        p.i += 1
        p.skipSpace()
        if p.i < p.bytes.count, p.bytes[p.i] == UInt8(ascii: "]") { p.i += 1; p.depth -= 1; return }
        let starts = cuts(in: p.bytes, first: p.i, pieces: pieces)
        let job = Job(parser: p, template: decoder, starts: starts, release: release, progress: progress)
        if starts.count > 1 {
            DispatchQueue.concurrentPerform(iterations: starts.count) { job.run($0) }
        } else {
            job.run(0)
        }
        // Follow the pieces that were used, from the first, to the one that closed the array.
        var used: [Int] = []
        var k = 0
        while true {
            used.append(k)
            switch job.outcomes[k]! {
            case .failed(let error): throw error
            case .reached(let next): k = next; continue
            case .closed(let end, let depth): p.i = end; p.depth = depth
            }
            break
        }
        // Taken out of the job, so each piece's columns are referenced once and can be
        // appended to or freed in place.
        var parts = used.map { k in defer { job.decoders[k] = nil }; return job.decoders[k]! }
        join(&parts, into: &decoder)
    }

    /// Where pieces start: the first element, then for each further piece the first element
    /// that seems to start after an even share of the rest of the file (strictly increasing).
    static func cuts(in bytes: UnsafeBufferPointer<UInt8>, first: Int, pieces: Int) -> [Int] {
        var out = [first]
        let span = bytes.count - first
        guard pieces > 1, span > 0 else { return out }
        for n in 1..<pieces {
            let from = max(first + span / pieces * n, out.last! + 1)
            if let at = elementStart(in: bytes, from: from, within: 1 << 20) { out.append(at) }
        }
        return out
    }

    /// The `{` of the first `}` whitespace `,` whitespace `{` at or after `from`.
    private static func elementStart(in b: UnsafeBufferPointer<UInt8>, from: Int, within: Int) -> Int? {
        func space(_ c: UInt8) -> Bool { c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 }
        var i = from
        let end = min(b.count, from + within)
        while i < end {
            if b[i] == UInt8(ascii: "}") {
                var j = i + 1
                while j < b.count, space(b[j]) { j += 1 }
                if j < b.count, b[j] == UInt8(ascii: ",") {
                    j += 1
                    while j < b.count, space(b[j]) { j += 1 }
                    if j < b.count, b[j] == UInt8(ascii: "{") { return j }
                }
            }
            i += 1
        }
        return nil
    }

    /// How one piece ended.
    enum Outcome {
        /// After a comma, the next element began exactly where piece `k` began.
        case reached(Int)
        /// The array closed; the cursor after its `]` and the depth there.
        case closed(end: Int, depth: Int)
        case failed(JSONSyntaxError)
    }

    /// The pieces' shared state. Each thread writes only its own slots; the lock guards which
    /// pieces are known to be used (only those may let go of their pages: a piece before one
    /// that began at a false cut still has to read its bytes) and the progress total.
    private final class Job: @unchecked Sendable {
        let parser: JSONParser
        let template: DeploymentDecoder
        let starts: [Int]
        let release: ((Range<Int>) -> Void)?
        let progress: ((Int) -> Void)?
        var outcomes: [Outcome?]
        var decoders: [DeploymentDecoder?]
        private var ends: [Int]
        private var done: [Int]
        private var used: [Bool]
        private let lock = NSLock()

        init(parser: JSONParser, template: DeploymentDecoder, starts: [Int],
             release: ((Range<Int>) -> Void)?, progress: ((Int) -> Void)?) {
            self.parser = parser; self.template = template; self.starts = starts
            self.release = release; self.progress = progress
            outcomes = Array(repeating: nil, count: starts.count)
            decoders = Array(repeating: nil, count: starts.count)
            ends = Array(repeating: -1, count: starts.count)
            done = Array(repeating: 0, count: starts.count)
            used = Array(repeating: false, count: starts.count)
            used[0] = true
        }

        func run(_ k: Int) {
            var p = parser
            p.i = starts[k]
            var d = DeploymentDecoder(gazetteer: template.gazetteer,
                                      reader: SnapshotReader(file: template.reader.file, gazetteer: template.gazetteer))
            d.asOf = template.asOf
            d.synthetic = template.synthetic
            d.version = template.version
            let start = starts[k]
            d.progress = { [unowned self] at in self.advanced(k, from: start, to: at) }
            let outcome: Outcome
            do {
                let stops = Array(starts[(k + 1)...])
                // The first piece is always used: its columns are sized for the whole array,
                // so the others are appended to them without copying it (`join`).
                if let stop = try d.decodeElements(&p, stops: stops, sizeTo: k == 0 ? p.bytes.count : nil) {
                    outcome = .reached(k + 1 + stop)
                } else {
                    outcome = .closed(end: p.i, depth: p.depth)
                }
            } catch {
                outcome = .failed(error)
            }
            d.progress = nil
            lock.lock()
            decoders[k] = d
            outcomes[k] = outcome
            ends[k] = p.i
            settle()
            lock.unlock()
        }

        /// A piece got to `at`: count it, and let go of its pages if it is known to be used.
        private func advanced(_ k: Int, from start: Int, to at: Int) {
            lock.lock()
            defer { lock.unlock() }
            done[k] = at - start
            if used[k] { release?(start..<at) }
            progress?(min(parser.bytes.count, starts[0] + done.reduce(0, +)))
        }

        /// Marks the pieces now known to be used, and lets go of the pages of those finished.
        private func settle() {
            var k = 0
            while true {
                if ends[k] >= 0 { release?(starts[k]..<ends[k]) }
                guard let outcome = outcomes[k], case .reached(let next) = outcome else { return }
                used[next] = true
                k = next
            }
        }
    }

    /// Joins the used pieces' tables, problems and per-row facts into `decoder`.
    private static func join(_ parts: inout [DeploymentDecoder], into d: inout DeploymentDecoder) {
        var tables: [DeploymentTable] = []
        for k in parts.indices {
            tables.append(parts[k].table)
            parts[k].table = DeploymentTable()
        }
        let (table, sourceMaps) = DeploymentTable.joined(&tables)
        d.table = table
        var base = 0
        for (k, sourceMap) in sourceMaps.enumerated() {
            let part = parts[k]
            let shift = { (path: String) in shifted(path, by: base) }
            d.reader.append(part.reader, path: shift)
            if k == 0 {
                // The first piece's per-row facts are taken over as they are.
                d.rowElement = part.rowElement
                d.rowIDOffset = part.rowIDOffset
                d.rowDateOffset = part.rowDateOffset
            } else {
                let start = d.rowElement.count
                d.rowElement.append(contentsOf: part.rowElement)
                d.rowElement.withUnsafeMutableBufferPointer { b in
                    for i in start..<b.count { b[i] += Int32(base) }
                }
                d.rowIDOffset.append(contentsOf: part.rowIDOffset)
                d.rowDateOffset.append(contentsOf: part.rowDateOffset)
            }
            d.emptySources.append(contentsOf: part.emptySources.map { ($0.element + base, $0.offset) })
            if d.firstBody == nil, let b = part.firstBody { d.firstBody = (b.offset, shift(b.path)) }
            for (n, uses) in part.sourceUses.enumerated() {
                let g = Int(sourceMap[n])
                if g == d.sourceUses.count {
                    let first = part.sourceFirstUse[n]
                    d.sourceUses.append(uses)
                    d.sourceFirstUse.append((first.offset, shift(first.path)))
                } else {
                    d.sourceUses[g] += uses
                }
            }
            base += part.elements
        }
        d.elements = base
    }

    /// `deployments[k]...` with `k` moved on by `base`.
    static func shifted(_ path: String, by base: Int) -> String {
        let prefix = "deployments["
        guard base > 0, path.hasPrefix(prefix),
              let close = path.firstIndex(of: "]"),
              let k = Int(path[path.index(path.startIndex, offsetBy: prefix.count)..<close]) else { return path }
        return prefix + String(k + base) + path[close...]
    }
}
