/// One thing wrong with a snapshot file, located precisely enough to fix it.
public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public let file: String
    /// 1-based line and column (columns count Unicode scalars); 0 when the whole file is meant.
    public let line: Int
    public let column: Int
    /// The field's path, e.g. `deployments[12].region`; empty for the document itself.
    public let path: String
    public let message: String
    public let severity: Severity

    public init(file: String, line: Int, column: Int, path: String, message: String,
                severity: Severity = .error) {
        self.file = file; self.line = line; self.column = column
        self.path = path; self.message = message; self.severity = severity
    }

    /// `FILE:LINE:COL: error: PATH: MESSAGE`, the form compilers use, so editors can jump to it.
    /// Made terminal-safe as a whole: a file name read from a directory can carry escape
    /// sequences too, and this line is printed as it is.
    public var description: String {
        let location = path.isEmpty ? "" : "\(path): "
        return TextSafety.clean("\(file):\(line):\(column): \(severity.rawValue): \(location)\(message)")
    }
}
