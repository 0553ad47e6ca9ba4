import AdoptCore

/// Presenters' keys: speed and presentation mode. (Playback itself: App+Playback.)
extension App {
    /// `+` / `-`: play faster or slower.
    mutating func changeSpeed(faster: Bool) {}

    /// `p`: presentation mode on or off.
    mutating func togglePresentation() {
        presentation.isOn.toggle()
    }
}
