import AdoptCore

/// The store's answers the screen needs, kept between frames and recomputed only when what
/// they depend on changes (the date, the filter, the drill-down frame, the store). A store
/// query is a pass over every deployment, so a frame after a key that changed none of these
/// does no counting at all; drawing only reads from here and never touches files.
struct Figures {
    struct Key: Equatable {
        var store: ObjectIdentifier
        var date: Day
        var filter: Filter
    }

    // Map and table, per (date, filter).
    var key: Key?
    var country: RegionSummary?
    /// The provinces in code order.
    var provinces: [RegionSummary] = []

    // The top drill-down frame's content, per (frame, date, filter).
    var drillKey: (kind: DrillFrame.Kind, key: Key)?
    var drillContent: DrillDownPane.Content?

    // The timeline of the current region, per (region, filter); the events per store.
    var timelineKey: (region: RegionCode, store: ObjectIdentifier, filter: Filter)?
    var timeline: Timeline?
    var eventsKey: ObjectIdentifier?
    var events: [Event] = []

    // The tracked figure beside the latest claim, counted by the claim's own definition at
    // its own date in the current store, unfiltered: a claim is about everything, not what
    // the user filtered down to. Per (claim, store).
    var tally: ClaimTally?
    var tallyStore: ObjectIdentifier?

    // During playback, what each of the last `App.markDays` days through the date added,
    // newest first, per (store, filter): stepping a day counts only the day stepped onto.
    var arrivalsKey: (store: ObjectIdentifier, filter: Filter)?
    var arrivals: [Arrivals] = []

    /// How many times each part was recomputed (for tests of the caching itself).
    var recomputed = 0
}
