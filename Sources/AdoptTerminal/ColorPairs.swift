/// Colour pairs allocated on first use, one per (foreground, background) combination.
///
/// ncurses needs a numbered pair for every combination drawn, and a terminal has a limited
/// number (`COLOR_PAIRS`). Pair 0 is the terminal's default colours and cannot be changed; it
/// is also the fallback once the pairs run out (the text stays readable: styles never carry
/// meaning by colour alone).
struct ColorPairs {
    /// Colour numbers as ncurses takes them; -1 is the terminal's default.
    struct Combination: Hashable {
        var foreground: Int
        var background: Int
    }

    private var numbers: [Combination: Int] = [:]
    private var next = 1
    /// One more than the highest pair number that may be allocated.
    let limit: Int
    /// Defines pair `number` as (foreground, background); false if ncurses refused.
    private let define: (_ number: Int, _ foreground: Int, _ background: Int) -> Bool

    init(limit: Int, define: @escaping (_ number: Int, _ foreground: Int, _ background: Int) -> Bool) {
        self.limit = max(1, limit)
        self.define = define
    }

    /// The pair number for a combination, defining it if it is new; 0 when pairs ran out.
    mutating func number(for combination: Combination) -> Int {
        if combination.foreground == -1 && combination.background == -1 { return 0 }
        if let known = numbers[combination] { return known }
        guard next < limit, define(next, combination.foreground, combination.background) else {
            numbers[combination] = 0
            return 0
        }
        numbers[combination] = next
        next += 1
        return numbers[combination]!
    }

    var allocated: Int { next - 1 }
}
