import AdoptCore
@testable import AdoptUI
import XCTest

/// Tours against the shipped data and the shipped tour (Data/tours/early-2025.tour.json):
/// each step's date, selection and drill-down, worked out by hand from docs/DATA.md.
final class TourTests: XCTestCase {
    let d = TestStore.day

    func testTheShippedTourStartsOnItsFirstStepInPresentationMode() throws {
        var app = try Shipped.app()
        app.startTour(try Shipped.tour())
        XCTAssertTrue(app.presentation.isOn)
        XCTAssertEqual(app.presentation.tour?.index, 0)
        XCTAssertEqual(app.presentation.tour?.position, "1/12")
        // The range reaches back to R1's release (2025-01-20), the event 19 days before the
        // first deployment (Longgang, 2025-02-08), so the tour starts on its own date.
        XCTAssertEqual(app.dateRange, d("2025-01-20")...d("2026-01-31"))
        XCTAssertEqual(app.date, d("2025-01-20"))
        XCTAssertEqual(app.presentedDate, d("2025-01-20"), "presentation mode shows the step's own date")
        XCTAssertTrue(app.wholeCountry)
        XCTAssertEqual(app.focus, .regions)
        XCTAssertEqual(app.figures.country?.count, 0)
        XCTAssertEqual(app.caption?.lead, "1/12")
        XCTAssertTrue(app.caption?.text.hasPrefix("DeepSeek releases its R1 reasoning model.") ?? false)
        app.handle(.character("]"))
        XCTAssertEqual(app.presentedDate, d("2025-01-21"), "moved off the step: the dashboard's date")
    }

    func testArrowsWalkTheStepsSettingDateRegionAndDrillDown() throws {
        var app = try Shipped.app()
        app.startTour(try Shipped.tour())

        app.handle(.right)  // 2/12: Longgang District, a county-level region
        XCTAssertEqual(app.date, d("2025-02-08"))
        XCTAssertEqual(app.selectedProvince, .guangdong)
        XCTAssertFalse(app.wholeCountry)
        // Guangdong's own row, then its prefectures: 广州 440100, 韶关 440200, 深圳 440300 (index
        // 3); Shenzhen's own row, then its districts: 罗湖 440303, 福田 440304, 南山 440305, 宝安
        // 440306, 龙岗 440307 (index 5).
        XCTAssertEqual(app.drill, [DrillFrame(.regions(.guangdong), selection: 3),
                                   DrillFrame(.regions(.shenzhen), selection: 5),
                                   DrillFrame(.deployments(RegionCode(value: 440307)))])
        XCTAssertEqual(app.focus, .drillDown)
        XCTAssertEqual(app.currentRegion, RegionCode(value: 440307))
        XCTAssertEqual(app.figures.country?.count, 2,
                       "Longgang, and Qingdao Shinan's assistant (approximately dated 'from February')")
        XCTAssertEqual(app.focusLine, "龙岗 Longgang · 深圳 Shenzhen · 广东 Guangdong: 1 deployment")

        app.handle(.character("n"))  // 3/12: Futian
        XCTAssertEqual(app.date, d("2025-02-15"))
        XCTAssertEqual(app.currentRegion, .futian)
        // By 02-15: Qingdao Shinan (~02-01), Longgang 02-08, BYD and Shenzhen 02-10, Jinan
        // Shizhong and Yantai's police training 02-12, Voyah, Changsha, the Suzhou and Ningbo
        // lectures 02-14, Futian 02-15.
        XCTAssertEqual(app.figures.country?.count, 11)

        app.handle(.pageDown)  // 4/12: Guangzhou, a prefecture
        XCTAssertEqual(app.date, d("2025-02-17"))
        // Guangzhou's deployments are all city-wide, so it opens on their list, not on eleven
        // districts at 0.
        XCTAssertEqual(app.drill, [DrillFrame(.regions(.guangdong), selection: 1), DrillFrame(.deployments(.guangzhou))])
        XCTAssertEqual(app.presentation.tour?.position, "4/12")

        app.handle(.left)  // back to 3/12
        XCTAssertEqual(app.date, d("2025-02-15"))
        XCTAssertEqual(app.currentRegion, .futian)

        app.handle([.right, .right])  // 5/12: Shandong, a province: the map shows it
        XCTAssertEqual(app.date, d("2025-02-24"))
        XCTAssertEqual(app.selectedProvince, RegionCode(value: 370000))
        XCTAssertEqual(app.drill, [DrillFrame(.regions(RegionCode(value: 370000)))])
        XCTAssertEqual(app.focus, .regions)
        // Qingdao Shinan ~02-01; Jinan Shizhong and Yantai's police training 02-12; Zhanhua's
        // justice bureau 02-20; Binzhou, Linyi and Yantai 02-24.
        XCTAssertEqual(app.focusLine, "山东 Shandong: 7 deployments")

        app.handle(.end)  // 12/12: the whole country at the snapshot's date
        XCTAssertEqual(app.date, d("2025-03-31"))
        XCTAssertTrue(app.wholeCountry)
        XCTAssertEqual(app.figures.country?.count, 76, "the registry's deployments dated by 03-31")
        XCTAssertEqual(app.figures.country?.covered, 23)
        app.handle(.right)
        XCTAssertEqual(app.presentation.tour?.index, 11, "stays on the last step")

        app.handle(.home)
        XCTAssertEqual(app.presentation.tour?.index, 0)
        app.handle(.character("b"))
        XCTAssertEqual(app.presentation.tour?.index, 0, "stays on the first step")
        app.handle(.pageUp)
        XCTAssertEqual(app.date, d("2025-01-20"))
    }

    func testEscLeavesPresentationModeThenEndsTheTour() throws {
        var app = try Shipped.app()
        app.startTour(try Shipped.tour())
        app.handle(.right)
        app.handle(.escape)
        XCTAssertFalse(app.presentation.isOn)
        XCTAssertNotNil(app.presentation.tour, "the tour goes on in the dashboard")
        app.handle(.character("n"))
        XCTAssertEqual(app.date, d("2025-02-15"))
        app.handle(.escape)
        XCTAssertNil(app.presentation.tour)
        XCTAssertEqual(app.date, d("2025-02-15"), "the dashboard stays where the tour left it")
        XCTAssertNil(app.caption, "no tour caption and no event near 02-15")
        // Keys are the dashboard's again: n means nothing there.
        app.handle(.character("n"))
        XCTAssertEqual(app.date, d("2025-02-15"))
    }

    func testSpacePlaysTheTourDayByDayAndHoldsEachStep() throws {
        var app = try Shipped.app()
        app.startTour(try Shipped.tour())
        app.handle(.character(" "))
        XCTAssertTrue(app.isPlaying)
        XCTAssertEqual(app.tickInterval, App.tourHold, "first the step is held")
        app.tick()  // the hold ends: the run to 02-08 starts with a day
        XCTAssertEqual(app.date, d("2025-01-21"))
        XCTAssertEqual(app.presentation.tour?.index, 0)
        XCTAssertEqual(app.tickInterval, App.playbackStep)
        for _ in 0..<17 { app.tick() }
        XCTAssertEqual(app.date, d("2025-02-07"))
        XCTAssertEqual(app.presentation.tour?.index, 0, "caption and region stay until the step is reached")
        app.tick()
        XCTAssertEqual(app.date, d("2025-02-08"))
        XCTAssertEqual(app.presentation.tour?.index, 1)
        XCTAssertEqual(app.currentRegion, RegionCode(value: 440307))
        XCTAssertEqual(app.tickInterval, App.tourHold)

        app.handle(.character(" "))  // pause
        XCTAssertNil(app.tickInterval)
        app.tick()
        XCTAssertEqual(app.date, d("2025-02-08"), "no tick while paused")
    }

    func testAPlayingTourShowsASameDayStepAtOnceAndStopsAtTheEnd() throws {
        var app = try Shipped.app()
        app.startTour(try Shipped.tour())
        app.showStep(8)  // 9/12: Zhiding, 03-10; 10/12 is Anhui on the same day
        app.handle(.character(" "))
        app.tick()
        XCTAssertEqual(app.presentation.tour?.index, 9)
        XCTAssertEqual(app.date, d("2025-03-10"))
        XCTAssertEqual(app.selectedProvince, RegionCode(value: 340000))

        app.showStep(11)
        XCTAssertTrue(app.isPlaying)
        app.tick()  // the last step's hold ends: playback stops
        XCTAssertFalse(app.isPlaying)
        XCTAssertEqual(app.presentation.tour?.index, 11)
        app.handle(.character(" "))  // at the end: plays again from the first step
        XCTAssertTrue(app.isPlaying)
        XCTAssertEqual(app.presentation.tour?.index, 0)
        XCTAssertEqual(app.date, d("2025-01-20"))
    }

    func testEveryShippedStepIsInTheGazetteerAndCited() throws {
        let tour = try Shipped.tour()
        XCTAssertTrue((8...12).contains(tour.steps.count))
        XCTAssertEqual(tour.steps.map(\.date), tour.steps.map(\.date).sorted(), "in date order")
        for step in tour.steps {
            XCTAssertTrue(step.region == .country || Gazetteer.shared.contains(step.region), "\(step.region)")
            XCTAssertFalse(step.source?.isEmpty ?? true, step.caption)
        }
        XCTAssertEqual(tour.steps.map(\.region.value),
                       [0, 440307, 440304, 440100, 370000, 320000, 110000, 0, 0, 340000, 654022, 0])
    }
}

/// The shipped data and tour, read from the repository.
enum Shipped {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let store: Store = DataSet.load(paths: [repository.appendingPathComponent("Data").path]).makeStore()

    static func app(width: Int = 100, height: Int = 30) throws -> App {
        App(store: store, dataPath: "Data", width: width, height: height)
    }

    static func tour() throws -> Tour {
        let result = TourLoader.load(file: repository.appendingPathComponent("Data/tours/early-2025.tour.json").path)
        XCTAssertEqual(result.problems.map(\.description), [])
        return try XCTUnwrap(result.tour)
    }
}
