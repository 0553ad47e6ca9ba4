/// The snapshot format as plain `Codable` structs, dates and codes as strings: what a program
/// that simply trusts its input would decode with Foundation's `JSONDecoder`. The benchmark's
/// baseline; adopt's own loader also validates, locates problems and builds the store.
struct PlainSnapshot: Codable {
    struct Source: Codable {
        var id: String
        var publisher: String
        var title: String?
        var date: String?
        var url: String?
    }

    struct Deployment: Codable {
        var id: String
        var region: String
        var organization: String
        var date: String
        var approximate: Bool?
        var status: String
        var sector: String
        var models: [String]
        var useCases: [String]
        var sources: [String]
        var note: String?
        var uncertain: Bool?
    }

    struct Event: Codable {
        var date: String
        var title: String
        var region: String?
        var source: String?
    }

    struct Claim: Codable {
        var date: String
        var region: String
        var metric: String
        var value: Double
        var source: String
    }

    var format: String
    var version: Int
    var asOf: String
    var title: String?
    var synthetic: Bool?
    var sources: [Source]
    var deployments: [Deployment]
    var events: [Event]?
    var claims: [Claim]?
}
