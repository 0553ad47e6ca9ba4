import AdoptCore
import Foundation

/// Snapshot documents written out as text, pretty-printed one field a line as FORMAT.md asks,
/// so a truncated copy fails at a line and column a test can name.
enum SnapshotText {
    struct Row {
        var id: String
        var region: String
        var date: String
        var status = "deployed"
    }

    static let futian = Row(id: "gd-futian", region: "440304", date: "2025-02-15")
    static let guangzhou = Row(id: "gd-guangzhou", region: "440100", date: "2025-02-17")
    static let longgang = Row(id: "gd-longgang", region: "440307", date: "2025-02-20")
    static let qapqal = Row(id: "xj-qapqal", region: "654022", date: "2025-03-05")

    static func document(asOf: String, rows: [Row]) -> String {
        let deployments = rows.map { r in
            """
                {
                  "id": "\(r.id)",
                  "region": "\(r.region)",
                  "organization": "Organisation \(r.id)",
                  "date": "\(r.date)",
                  "status": "\(r.status)",
                  "sector": "government",
                  "models": ["DeepSeek-R1"],
                  "useCases": ["documents"],
                  "sources": ["s1"]
                }
            """
        }
        return """
        {
          "format": "adopt.snapshot",
          "version": 1,
          "asOf": "\(asOf)",
          "sources": [
            {"id": "s1", "publisher": "Test Daily"}
          ],
          "deployments": [
        \(deployments.joined(separator: ",\n"))
          ]
        }

        """
    }

    /// What the loader makes of a text, as if read from `file`.
    static func load(_ text: String, as file: String) -> SnapshotLoader.Result {
        SnapshotLoader.parse(bytes: Array(text.utf8), file: file)
    }

    /// The first `lines` lines of a text, as a writer interrupted there would leave it.
    static func firstLines(_ text: String, _ lines: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).prefix(lines).joined(separator: "\n") + "\n"
    }
}
