/// A presenter's walk through the data: steps, each a date, a region to focus and a caption.
/// Read from a `adopt.tour` file (docs/FORMAT.md, "Tours") by `TourLoader`.
public struct Tour: Sendable, Equatable {
    public static let formatName = "adopt.tour"
    public static let supportedVersion = 1

    /// One stop: the dashboard moves to `date`, selects `region` and shows `caption`.
    public struct Step: Sendable, Equatable {
        public var date: Day
        /// The region to focus; `.country` for the whole country (the default in the file).
        public var region: RegionCode
        public var caption: String
        /// Who reported it, free text ("China Daily, 2025-02-18"); shown beside the caption.
        public var source: String?

        public init(date: Day, region: RegionCode = .country, caption: String, source: String? = nil) {
            self.date = date; self.region = region; self.caption = caption; self.source = source
        }
    }

    public var title: String
    /// Never empty.
    public var steps: [Step]
    /// Where it was read from, for messages.
    public var file: String

    public init(title: String, steps: [Step], file: String = "") {
        precondition(!steps.isEmpty, "a tour has at least one step")
        self.title = title; self.steps = steps; self.file = file
    }
}
