import Foundation

/// Builds hostile snapshot files from one valid document, and knows where every value in the
/// rendered text starts, so a test can say exactly which FILE:LINE:COL must be reported.
///
/// The document is a small ordered tree of JSON texts (keys and scalars are written as they
/// should appear in the file, escapes included), rendered one field per line like the shipped
/// data. Any node can be replaced or removed by its loader path (`deployments[0].region`,
/// `sources[0]`, `deployments[0].models[0]`).
///
/// Why a struct and not an indirect enum: a multi-payload enum keeps its case in the spare
/// bits of the box pointer, which LeakSanitizer (`swift test --sanitize=address`) then does not
/// recognise, and reports the static template as leaked.
struct HostileDocument {
    enum Kind { case raw, object, array }
    let kind: Kind
    /// The JSON text of a `raw` node.
    let text: String
    /// An object's keys, one per child.
    let keys: [String]
    let children: [HostileDocument]

    /// A scalar, or any text at all, written as is.
    static func raw(_ text: String) -> HostileDocument {
        HostileDocument(kind: .raw, text: text, keys: [], children: [])
    }

    static func object(_ fields: [(key: String, value: HostileDocument)]) -> HostileDocument {
        HostileDocument(kind: .object, text: "", keys: fields.map(\.key), children: fields.map(\.value))
    }

    static func array(_ items: [HostileDocument]) -> HostileDocument {
        HostileDocument(kind: .array, text: "", keys: [], children: items)
    }

    var fields: [(key: String, value: HostileDocument)] { Array(zip(keys, children)) }

    /// The valid document every case starts from: every field of every kind of record is present.
    static let valid: HostileDocument = .object([
        ("format", .raw("\"adopt.snapshot\"")),
        ("version", .raw("1")),
        ("asOf", .raw("\"2025-03-10\"")),
        ("title", .raw("\"Hostile input\"")),
        ("synthetic", .raw("false")),
        ("sources", .array([.object([
            ("id", .raw("\"s1\"")),
            ("publisher", .raw("\"China Daily\"")),
            ("title", .raw("\"Shenzhen districts\"")),
            ("date", .raw("\"2025-02-18\"")),
            ("url", .raw("\"https://example.org/a\"")),
        ])])),
        ("deployments", .array([.object([
            ("id", .raw("\"a\"")),
            ("region", .raw("\"440304\"")),
            ("organization", .raw("\"Futian 福田区\"")),
            ("date", .raw("\"2025-02-15\"")),
            ("approximate", .raw("false")),
            ("status", .raw("\"deployed\"")),
            ("sector", .raw("\"government\"")),
            ("models", .array([.raw("\"DeepSeek-R1\"")])),
            ("useCases", .array([.raw("\"documents\"")])),
            ("sources", .array([.raw("\"s1\"")])),
            ("note", .raw("\"a note\"")),
            ("uncertain", .raw("false")),
        ])])),
        ("events", .array([.object([
            ("date", .raw("\"2025-01-20\"")),
            ("title", .raw("\"R1 released\"")),
            ("region", .raw("\"000000\"")),
            ("source", .raw("\"s1\"")),
        ])])),
        ("claims", .array([.object([
            ("date", .raw("\"2025-03-10\"")),
            ("region", .raw("\"000000\"")),
            ("metric", .raw("\"governments\"")),
            ("value", .raw("72")),
            ("source", .raw("\"s1\"")),
        ])])),
    ])

    // MARK: Editing

    /// The document with the node at `path` replaced (nil removes a field).
    func replacing(_ path: String, with new: HostileDocument?) -> HostileDocument {
        replacing(HostileDocument.steps(path)[...], with: new)
    }

    private func replacing(_ steps: ArraySlice<Step>, with new: HostileDocument?) -> HostileDocument {
        guard let step = steps.first else { return new ?? self }
        let rest = steps.dropFirst()
        switch (kind, step) {
        case (.object, .key(let key)):
            precondition(keys.contains(key), "no field \(key)")
            return .object(fields.compactMap { f in
                guard f.key == key else { return f }
                if rest.isEmpty && new == nil { return nil }
                return (f.key, f.value.replacing(rest, with: new))
            })
        case (.array, .index(let k)):
            var items = children
            if rest.isEmpty && new == nil { items.remove(at: k) } else { items[k] = items[k].replacing(rest, with: new) }
            return .array(items)
        default:
            preconditionFailure("path does not fit the document")
        }
    }

    /// The document with `field` added to the object at `path` ("" for the top level).
    func adding(_ key: String, _ value: HostileDocument, to path: String) -> HostileDocument {
        let object = node(at: path)
        precondition(object.kind == .object, "not an object: \(path)")
        var fields = object.fields
        fields.append((key, value))
        return path.isEmpty ? .object(fields) : replacing(path, with: .object(fields))
    }

    func node(at path: String) -> HostileDocument {
        var n = self
        for step in HostileDocument.steps(path) {
            switch (n.kind, step) {
            case (.object, .key(let key)): n = n.children[n.keys.firstIndex(of: key)!]
            case (.array, .index(let k)): n = n.children[k]
            default: preconditionFailure("path does not fit the document")
            }
        }
        return n
    }

    enum Step { case key(String), index(Int) }

    /// `deployments[0].models[1]` → key deployments, index 0, key models, index 1.
    static func steps(_ path: String) -> [Step] {
        var out: [Step] = []
        for part in path.split(separator: ".") {
            var s = Substring(part)
            if let open = s.firstIndex(of: "[") {
                out.append(.key(String(s[..<open])))
                s = s[open...]
                while let o = s.firstIndex(of: "["), let c = s.firstIndex(of: "]") {
                    out.append(.index(Int(s[s.index(after: o)..<c])!))
                    s = s[s.index(after: c)...]
                }
            } else {
                out.append(.key(String(s)))
            }
        }
        return out
    }

    // MARK: Rendering

    /// The text, and the 1-based line and column (in characters) where each path's value starts.
    func render() -> (text: String, positions: [String: (line: Int, column: Int)]) {
        var r = Renderer()
        r.write(self, path: "", indent: 0)
        return (r.text, r.positions)
    }

    /// The whole document as it is written to a file.
    var rendered: String { render().text }
    var bytes: [UInt8] { Array(rendered.utf8) }

    func position(of path: String) -> (line: Int, column: Int) {
        guard let p = render().positions[path] else { preconditionFailure("no value at \(path)") }
        return p
    }

    /// `LINE:COL` of a path's value, for expected messages.
    func at(_ path: String) -> String {
        let p = position(of: path)
        return "\(p.line):\(p.column)"
    }

    private struct Renderer {
        var text = ""
        var line = 1
        var column = 1
        var positions: [String: (line: Int, column: Int)] = [:]

        mutating func emit(_ s: String) {
            for c in s.unicodeScalars {
                if c == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            text += s
        }

        mutating func write(_ node: HostileDocument, path: String, indent: Int) {
            positions[path] = (line, column)
            let pad = String(repeating: " ", count: indent + 2)
            switch node.kind {
            case .raw:
                emit(node.text)
            case .object where node.children.isEmpty:
                emit("{}")
            case .object:
                let fields = node.fields
                emit("{\n")
                for (k, f) in fields.enumerated() {
                    emit("\(pad)\"\(f.key)\": ")
                    write(f.value, path: path.isEmpty ? f.key : "\(path).\(f.key)", indent: indent + 2)
                    emit(k < fields.count - 1 ? ",\n" : "\n")
                }
                emit(String(repeating: " ", count: indent) + "}")
            case .array where node.children.allSatisfy({ $0.kind == .raw }):
                let items = node.children
                emit("[")
                for (k, item) in items.enumerated() {
                    if k > 0 { emit(", ") }
                    write(item, path: "\(path)[\(k)]", indent: indent)
                }
                emit("]")
            case .array:
                let items = node.children
                emit("[\n")
                for (k, item) in items.enumerated() {
                    emit(pad)
                    write(item, path: "\(path)[\(k)]", indent: indent + 2)
                    emit(k < items.count - 1 ? ",\n" : "\n")
                }
                emit(String(repeating: " ", count: indent) + "]")
            }
        }
    }
}

/// The JSON kinds, with a sample value of each and the name the loader uses in messages.
enum JSONKind: CaseIterable {
    case object, array, string, number, boolean, null

    var sample: HostileDocument {
        switch self {
        case .object: return .raw("{}")
        case .array: return .raw("[]")
        case .string: return .raw("\"x\"")
        case .number: return .raw("42")
        case .boolean: return .raw("true")
        case .null: return .raw("null")
        }
    }

    var name: String {
        switch self {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .boolean: return "boolean"
        case .null: return "null"
        }
    }
}

/// Every field of the format with its type, as the loader names the expectation.
enum HostileSchema {
    /// Path in `HostileDocument.valid`, the kind it must be, and the words of the message
    /// ("expected a string, found number").
    static let fields: [(path: String, kind: JSONKind, expected: String)] = {
        var out: [(String, JSONKind, String)] = []
        func text(_ p: String) { out.append((p, .string, "a string")) }
        func flag(_ p: String) { out.append((p, .boolean, "true or false")) }
        func list(_ p: String) { out.append((p, .array, "an array of strings")) }
        text("format"); out.append(("version", .number, "a number")); text("asOf"); text("title")
        flag("synthetic")
        out.append(("sources", .array, "an array")); out.append(("sources[0]", .object, "an object"))
        for f in ["id", "publisher", "title", "date", "url"] { text("sources[0].\(f)") }
        out.append(("deployments", .array, "an array")); out.append(("deployments[0]", .object, "an object"))
        for f in ["id", "region", "organization", "date", "status", "sector", "note"] { text("deployments[0].\(f)") }
        flag("deployments[0].approximate"); flag("deployments[0].uncertain")
        for f in ["models", "useCases", "sources"] { list("deployments[0].\(f)") }
        for f in ["models[0]", "useCases[0]", "sources[0]"] { text("deployments[0].\(f)") }
        out.append(("events", .array, "an array")); out.append(("events[0]", .object, "an object"))
        for f in ["date", "title", "region", "source"] { text("events[0].\(f)") }
        out.append(("claims", .array, "an array")); out.append(("claims[0]", .object, "an object"))
        for f in ["date", "region", "metric", "source"] { text("claims[0].\(f)") }
        out.append(("claims[0].value", .number, "a number"))
        return out
    }()
}

/// Terminal-hostile text: escape sequences, C0 and C1 controls, bidirectional controls.
enum HostileText {
    /// JSON string contents (escaped as JSON), what each must become once loaded, and a name.
    static let samples: [(name: String, json: String, cleaned: String)] = [
        ("CSI 2J clear screen", "a\\u001b[2Jb", "a␛[2Jb"),
        ("OSC 0 window title", "\\u001b]0;pwned\\u0007", "␛]0;pwned␇"),
        ("OSC 52 clipboard", "\\u001b]52;c;cm0gLXJmIH4=\\u001b\\\\", "␛]52;c;cm0gLXJmIH4=␛\\"),
        ("OSC 8 link", "\\u001b]8;;https://evil.example\\u001b\\\\click\\u001b]8;;\\u001b\\\\",
         "␛]8;;https://evil.example␛\\click␛]8;;␛\\"),
        ("CSI 6n cursor report", "\\u001b[6n", "␛[6n"),
        ("C1 CSI", "\\u009b2J", "⟨U+009B⟩2J"),
        ("C1 OSC and ST", "\\u009d0;t\\u009c", "⟨U+009D⟩0;t⟨U+009C⟩"),
        ("C0 controls", "nul\\u0000bel\\u0007bs\\u0008cr\\rlf\\ntab\\t", "nul␀bel␇bs␈cr␍lf␊tab␉"),
        ("DEL", "x\\u007f", "x␡"),
        ("bidi embeddings and overrides", "\\u202a\\u202b\\u202c\\u202d\\u202e",
         "⟨U+202A⟩⟨U+202B⟩⟨U+202C⟩⟨U+202D⟩⟨U+202E⟩"),
        ("bidi isolates", "\\u2066\\u2067\\u2068\\u2069", "⟨U+2066⟩⟨U+2067⟩⟨U+2068⟩⟨U+2069⟩"),
        ("Trojan Source", "admin\\u202e\\u2066 // check\\u2069\\u2066",
         "admin⟨U+202E⟩⟨U+2066⟩ // check⟨U+2069⟩⟨U+2066⟩"),
    ]

    /// The same characters written raw (not as JSON escapes) where JSON allows it: C1 and bidi
    /// controls may appear unescaped in a JSON string; C0 controls may not.
    static let raw: [(name: String, json: String, cleaned: String)] = [
        ("raw C1 CSI", "\u{9B}2J", "⟨U+009B⟩2J"),
        ("raw bidi override", "abc\u{202E}fed", "abc⟨U+202E⟩fed"),
        ("raw isolate", "\u{2067}x\u{2069}", "⟨U+2067⟩x⟨U+2069⟩"),
        ("raw DEL", "x\u{7F}y", "x␡y"),
    ]

    /// Whether a string still holds anything that would act on a terminal.
    static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func isInert(_ text: String) -> Bool { !text.unicodeScalars.contains(where: isUnsafe) }
}
