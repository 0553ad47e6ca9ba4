/// Some rows of a deployment table, read on demand: what a drill-down lists.
///
/// Why not `[Deployment]`: a province can hold a hundred thousand deployments; building every
/// record to show the twenty on screen would make opening it depend on the data's size.
public struct DeploymentList: RandomAccessCollection, Sendable, Equatable, ExpressibleByArrayLiteral {
    let table: DeploymentTable
    /// Row numbers in the table, in listing order.
    public let rows: [Int]

    init(table: DeploymentTable, rows: [Int]) {
        self.table = table
        self.rows = rows
    }

    /// A list of its own (tests, fixtures).
    public init(_ deployments: [Deployment]) {
        self.init(table: DeploymentTable(deployments), rows: Array(deployments.indices))
    }

    public init(arrayLiteral elements: Deployment...) { self.init(elements) }

    public var startIndex: Int { 0 }
    public var endIndex: Int { rows.count }
    public subscript(i: Int) -> Deployment { table[rows[i]] }

    public func id(at i: Int) -> String { table.id(at: rows[i]) }

    /// How many are marked uncertain, read from a column without building records.
    public var uncertainCount: Int { rows.reduce(0) { $0 + (table.flags[$1] & 2 != 0 ? 1 : 0) } }

    /// The position of the deployment with this id, if listed.
    public func firstIndex(ofID id: String) -> Int? { rows.indices.first { table.id(at: rows[$0]) == id } }

    /// Lists from the same table compare by their rows (comparing whole tables would cost a
    /// pass over a million records).
    public static func == (a: DeploymentList, b: DeploymentList) -> Bool {
        a.rows == b.rows && a.table.count == b.table.count
    }
}
