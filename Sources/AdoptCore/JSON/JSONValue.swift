/// A parsed JSON value that remembers where it started in the file, so every validation
/// problem can name a line and column.
///
/// Why not Foundation's JSONSerialization or JSONDecoder: neither reports positions, neither
/// rejects duplicate keys, and neither lets us bound nesting and string length.
public indirect enum JSONValue: Sendable {
    case object([Member])
    case array([Located])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    public struct Member: Sendable {
        public let key: String
        public let keyOffset: Int
        public let value: Located
    }
}

/// A value and the byte offset of its first character.
public struct Located: Sendable {
    public let value: JSONValue
    public let offset: Int

    /// The type name used in messages ("object", "string"...).
    public var typeName: String {
        switch value {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .bool: return "boolean"
        case .null: return "null"
        }
    }
}

/// A syntax error: where and what.
public struct JSONSyntaxError: Error, Sendable, Equatable {
    public let offset: Int
    public let message: String
}

/// Bounds that keep a hostile file from exhausting memory or the stack.
public struct JSONLimits: Sendable {
    /// Deepest nesting of arrays and objects (a snapshot needs 4).
    public var maxDepth = 64
    /// Longest string, in bytes of UTF-8.
    public var maxStringBytes = 65_536
    /// Most values kept as a tree: everything but the streamed `deployments` array, that is
    /// sources, events and claims. A kept value costs some 30 times its bytes in the file
    /// (`[0,0,...]`: 40 MB took 1.1 GB), so without a bound a 1 GiB file could exhaust memory.
    /// Real files hold a few thousand.
    public var maxTreeValues = 1_000_000

    public init(maxDepth: Int = 64, maxStringBytes: Int = 65_536, maxTreeValues: Int = 1_000_000) {
        self.maxDepth = maxDepth; self.maxStringBytes = maxStringBytes; self.maxTreeValues = maxTreeValues
    }
}
