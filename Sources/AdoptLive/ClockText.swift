import Foundation

/// `HH:MM:SS` of a wall-clock time in a time zone, without a locale-dependent formatter, so
/// messages read the same on every machine and tests can pin the zone.
func clockText(_ date: Date, timeZone: TimeZone) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let c = calendar.dateComponents([.hour, .minute, .second], from: date)
    func two(_ v: Int?) -> String {
        let v = v ?? 0
        return v < 10 ? "0\(v)" : "\(v)"
    }
    return "\(two(c.hour)):\(two(c.minute)):\(two(c.second))"
}
