/// A deployment's fields as display text, in the order a diff lists them.
///
/// The diff compares these texts rather than the typed values so that what it reports as
/// changed is exactly what a reader would see differ on screen.
enum DeploymentFields {
    /// Field names as in the snapshot format, in declaration order (id excluded: it is the key).
    static let names = ["region", "organization", "date", "approximate", "status", "sector",
                        "models", "useCases", "sources", "note", "uncertain"]

    /// The em dash shown for an absent note.
    static let none = "—"

    static func values(of d: Deployment) -> [String] {
        [d.region.description,
         d.organization,
         d.date.description,
         yesNo(d.approximate),
         d.status.rawValue,
         d.sector.rawValue,
         d.models.joined(separator: ", "),
         d.useCases.joined(separator: ", "),
         d.sources.joined(separator: ", "),
         d.note ?? none,
         yesNo(d.uncertain)]
    }

    static func yesNo(_ b: Bool) -> String { b ? "yes" : "no" }
}
