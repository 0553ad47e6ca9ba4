/// What presenters set: playback speed, presentation mode and the tour being walked.
public struct PresentationState: Sendable, Equatable {
    /// Presentation mode (`p`): large tiles and numbers, the date and the caption, little else.
    public var isOn = false

    public init() {}
}
