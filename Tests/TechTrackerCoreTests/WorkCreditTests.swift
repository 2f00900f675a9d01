import Testing
@testable import TechTrackerCore

/// Hand-computed cases of METHOD §3.
struct WorkCreditTests {
    let us = CountryCode("US")!
    let cn = CountryCode("CN")!
    let de = CountryCode("DE")!

    func institution(_ id: String, _ country: CountryCode?) -> Institution {
        Institution(id: id, country: country)
    }

    func credit(_ credits: [CountryCredit], _ country: CountryCode?) -> Double {
        credits.first { $0.country == country }?.credit ?? 0
    }

    @Test func authorsShareEquallyAndAffiliationsSplitTheAuthorsPart() {
        // Author 1: US and CN (1/2 each of 1/3); author 2: CN; author 3: DE.
        let work = [
            Authorship(institutions: [institution("I1", us), institution("I2", cn)]),
            Authorship(institutions: [institution("I2", cn)]),
            Authorship(institutions: [institution("I3", de)]),
        ]
        let credits = WorkCredit.fractionalCountryCredits(work)
        #expect(abs(credit(credits, us) - 1.0 / 6) < 1e-12)
        #expect(abs(credit(credits, cn) - (1.0 / 6 + 1.0 / 3)) < 1e-12)
        #expect(abs(credit(credits, de) - 1.0 / 3) < 1e-12)
        #expect(abs(credits.reduce(0) { $0 + $1.credit } - 1) < 1e-12)
        #expect(credits.map(\.country) == [cn, de, us])
    }

    @Test func authorshipWithoutInstitutionCountryFallsBackToItsCountries() {
        let work = [
            Authorship(institutions: [institution("I9", nil)], countries: [us, de]),
            Authorship(institutions: [institution("I1", cn)], countries: [us]),
        ]
        let credits = WorkCredit.fractionalCountryCredits(work)
        #expect(abs(credit(credits, us) - 0.25) < 1e-12)
        #expect(abs(credit(credits, de) - 0.25) < 1e-12)
        #expect(abs(credit(credits, cn) - 0.5) < 1e-12)  // institution country wins over countries
    }

    @Test func unknownPartIsKeptSoCreditsSumToOne() {
        let work = [
            Authorship(),  // nothing known
            Authorship(institutions: [institution("I1", us), institution("I2", nil)]),  // half unknown
        ]
        let credits = WorkCredit.fractionalCountryCredits(work)
        #expect(abs(credit(credits, nil) - 0.75) < 1e-12)
        #expect(abs(credit(credits, us) - 0.25) < 1e-12)
        #expect(credits.last?.country == nil)
        #expect(WorkCredit.fractionalCountryCredits([]) == [CountryCredit(country: nil, credit: 1)])
    }

    @Test func wholeCountingCountsEachKnownCountryOnce() {
        let work = [
            Authorship(institutions: [institution("I1", us)]),
            Authorship(institutions: [institution("I4", us), institution("I2", cn)]),
            Authorship(),
        ]
        #expect(WorkCredit.wholeCountries(work) == [cn, us])
        #expect(WorkCredit.wholeCountries([Authorship()]).isEmpty)
    }

    @Test func institutionsAreCreditedLikeCountries() {
        let work = [
            Authorship(institutions: [institution("I1", us), institution("I2", cn)]),
            Authorship(institutions: [institution("I2", cn)]),
            Authorship(countries: [de]),
        ]
        let credits = WorkCredit.fractionalInstitutionCredits(work)
        #expect(credits.map(\.institutionID) == ["I1", "I2"])
        #expect(abs(credits[0].credit - 1.0 / 6) < 1e-12)
        #expect(abs(credits[1].credit - 0.5) < 1e-12)
    }
}

struct CountryCodeTests {
    @Test func acceptsTwoLettersInAnyCase() {
        #expect(CountryCode("us") == CountryCode("US"))
        #expect(CountryCode("US")?.description == "US")
        #expect(CountryCode(rawValue: CountryCode("GB")!.rawValue) == CountryCode("GB"))
    }

    @Test func rejectsAnythingElse() {
        #expect(CountryCode("USA") == nil)
        #expect(CountryCode("U") == nil)
        #expect(CountryCode("1A") == nil)
        #expect(CountryCode("") == nil)
        #expect(CountryCode(rawValue: 0) == nil)
    }
}

struct PublicationWindowTests {
    @Test func rollingWindowsCoverTheSpanByOneYear() {
        let windows = PublicationWindow.rolling(over: 2003...2024)
        #expect(windows.count == 18)
        #expect(windows.first == PublicationWindow(start: 2003, end: 2007))
        #expect(windows.last == PublicationWindow(start: 2020, end: 2024))
        #expect(PublicationWindow.rolling(over: 2020...2022).isEmpty)  // METHOD §2: windows are always whole
    }

    /// METHOD §2: a window is always whole; the span comes from the data within --from/--to.
    @Test func spansGiveWholeWindowsOnly() {
        func windows(_ first: Int?, _ last: Int?, from: Int? = nil, to: Int? = nil) -> [String] {
            PublicationWindow.span(dataFirst: first, dataLast: last, from: from, to: to, length: 5)
                .map { PublicationWindow.rolling(over: $0).map(\.description) } ?? []
        }
        // --from 2010 --to 2016 with data from 2015 on: three whole windows, never 2015-2016.
        #expect(windows(2015, 2024, from: 2010, to: 2016) == ["2010-2014", "2011-2015", "2012-2016"])
        // Data in 2015 only: every window that contains it.
        #expect(windows(2015, 2015) == ["2011-2015", "2012-2016", "2013-2017", "2014-2018", "2015-2019"])
        #expect(windows(2015, 2015, from: 2014) == ["2014-2018", "2015-2019"])
        #expect(windows(2015, 2015, to: 2016) == ["2011-2015", "2012-2016"])
        #expect(windows(2003, 2024).count == 18)
        #expect(windows(2003, 2024, from: 2020, to: 2023).isEmpty)  // 4 years: no whole window
        #expect(windows(nil, nil).isEmpty)
        #expect(windows(nil, nil, from: 2010, to: 2014) == ["2010-2014"])
    }

    @Test func parsesRanges() {
        #expect(PublicationWindow(parsing: "2020-2024") == PublicationWindow(start: 2020, end: 2024))
        #expect(PublicationWindow(parsing: "2021") == PublicationWindow(start: 2021, end: 2021))
        #expect(PublicationWindow(parsing: "2024-2020") == nil)
        #expect(PublicationWindow(parsing: "x") == nil)
    }
}
