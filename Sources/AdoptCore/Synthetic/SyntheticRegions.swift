/// Where synthetic deployments go: every county-level region of the gazetteer, plus its
/// prefectures and provinces, each with a weight that gives a realistic skew.
///
/// Real adoption is concentrated: eastern provinces, provincial capitals and urban districts
/// report far more than remote counties. Each region gets a score from those factors and a
/// seeded jitter; regions are ranked by score and weighted Zipf-like (1 / (rank + offset)), so
/// a few dozen places carry a large share while every region can appear.
struct SyntheticRegions: Sendable {
    /// One place a deployment can be, with the JSON bytes that name it already rendered.
    struct Place: Sendable {
        let code: RegionCode
        /// `"440304"`, quotes included.
        let codeJSON: [UInt8]
        /// Chinese name as an organisation prefix, e.g. 福田区 (JSON-escaped, no quotes).
        let chinese: [UInt8]
        /// English name, e.g. Futian (JSON-escaped, no quotes).
        let english: [UInt8]
    }

    /// County level, prefecture level and province level, in code order within each.
    let levels: [(places: [Place], table: WeightedTable)]
    /// Chance in 1000 of each level, in `levels` order.
    let levelTable = WeightedTable(weights: [850, 120, 30])

    init(gazetteer: Gazetteer, rng: inout SplitMix64) {
        let all = gazetteer.allRegions.filter { $0.code.value / 10000 != 71 }.sorted { $0.code < $1.code }
        let counties = all.filter { $0.level == .county }
        let prefectures = all.filter { $0.level == .prefecture }
        let provinces = all.filter { $0.level == .province }

        func place(_ r: Region) -> Place {
            Place(code: r.code, codeJSON: JSONBytes.quoted(r.code.description),
                  chinese: JSONBytes.escaped(r.name), english: JSONBytes.escaped(r.english))
        }

        func score(_ r: Region) -> UInt64 {
            var s = SyntheticRegions.provinceFactor(r.code.value / 10000)
            let prefecture = r.level == .county ? r.parent : r.code
            if r.level != .province && prefecture.value % 10000 == 100 { s *= 3 }   // the capital
            if r.level == .county && r.name.hasSuffix("区") { s *= 3 }               // urban district
            return s * UInt64(1 + rng.below(4))
        }

        /// Zipf-like weights by descending score (ties in code order).
        func zipf(_ regions: [Region], offset: UInt64) -> WeightedTable {
            let scores = regions.map(score)
            let ranked = regions.indices.sorted { scores[$0] != scores[$1] ? scores[$0] > scores[$1] : $0 < $1 }
            var weights = [UInt64](repeating: 0, count: regions.count)
            for (rank, i) in ranked.enumerated() { weights[i] = 1_000_000_000 / (UInt64(rank) + offset) }
            return WeightedTable(weights: weights)
        }

        levels = [
            (counties.map(place), zipf(counties, offset: 20)),
            (prefectures.map(place), zipf(prefectures, offset: 5)),
            (provinces.map(place), WeightedTable(weights: provinces.map { SyntheticRegions.provinceFactor($0.code.value / 10000) })),
        ]
    }

    /// A region drawn with the skew.
    func pick(_ rng: inout SplitMix64) -> Place {
        let level = levels[levelTable.pick(&rng)]
        return level.places[level.table.pick(&rng)]
    }

    /// Relative activity by province (first two digits of the code): the east coast most,
    /// the centre and Sichuan/Chongqing next, the west and north-east least.
    static func provinceFactor(_ province: Int32) -> UInt64 {
        switch province {
        case 11, 31, 32, 33, 44: return 8       // Beijing, Shanghai, Jiangsu, Zhejiang, Guangdong
        case 12, 35, 37: return 6               // Tianjin, Fujian, Shandong
        case 13, 34, 36, 41, 42, 43, 50, 51: return 4
        case 14, 21, 45, 46, 52, 53, 61: return 3
        case 81, 82: return 1                   // Hong Kong, Macao
        case 54, 63, 64: return 1               // Tibet, Qinghai, Ningxia
        default: return 2
        }
    }
}
