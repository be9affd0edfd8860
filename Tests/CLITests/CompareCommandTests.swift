import Foundation
import Testing

/// `yjstat compare` end to end. The p-values are checked against the oracle fixture
/// (scipy `binomtest`, R `poisson.test`) at relative 1e-12.
@Suite("yjstat compare")
struct CompareCommandTests {
    static func fixtureValue(_ section: String, where match: @escaping ([String: Any]) -> Bool, key: String) throws -> Double {
        let url = repositoryRoot.appendingPathComponent("Tests/YJStatTests/Fixtures/comparison.json")
        let data = try Data(contentsOf: url)
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cases = try #require(root[section] as? [[String: Any]])
        let found = try #require(cases.first(where: match))
        return try #require(found[key] as? Double)
    }

    static func rows(_ result: CLIResult) throws -> [String: [String: Any]] {
        let array = try #require(try parseJSON(result.stdout) as? [[String: Any]])
        var byName: [String: [String: Any]] = [:]
        for row in array { byName[row["statistic"] as? String ?? ""] = row }
        return byName
    }

    @Test func proportionAgainstAPercentReference() throws {
        let result = try runCLI(["compare", "--numerator", "126", "--denominator", "250", "--reference", "40.1%", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.rows(result)
        #expect(Set(rows.keys) == ["service", "reference", "difference", "ratio", "p_value"])
        #expect(rows["service"]?["estimate"] as? Double == 0.504)
        #expect(rows["reference"]?["estimate"] as? Double == 0.401)
        let expected = try Self.fixtureValue("proportionComparisons", where: {
            $0["k"] as? Int == 126 && $0["n"] as? Int == 250 && $0["confidence"] as? Double == 0.95 }, key: "pValue")
        let p = try #require(rows["p_value"]?["estimate"] as? Double)
        #expect(abs(p - expected) <= 1e-12 * expected)
        #expect((rows["difference"]?["lower"] as? Double ?? 0) > 0)
    }

    @Test func percentGivesTheSameAsItsNumerator() throws {
        let a = try runCLI(["compare", "--numerator", "126", "--denominator", "250", "--reference", "0.401", "--format", "csv"])
        let b = try runCLI(["compare", "--percent", "50.4", "--denominator", "250", "--reference", "40.1%", "--format", "csv"])
        #expect(a.status == 0 && b.status == 0)
        #expect(a.stdout == b.stdout)
        #expect(a.stdout.hasPrefix("statistic,estimate,lower,upper,confidence,method"))
    }

    /// Issue 12, item 7: 50.2% of 250 is not a whole numerator (125 is 50.0%, 126 is 50.4%).
    @Test func percentNoWholeNumeratorFits_percent50point2Of250() throws {
        let result = try runCLI(["compare", "--percent", "50.2", "--denominator", "250", "--reference", "40.1%"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no whole numerator of 250 prints as 50.2%") && result.stderr.contains("125 of 250 is 50.0%")
                && result.stderr.contains("126 is 50.4%"), "\(result.stderr)")
    }

    @Test func percentThatFitsSeveralNumeratorsWarnsWithTheRange() throws {
        // 50% of 2,000 to the whole percent: 990 (49.5%) to 1,009 (50.45%).
        let result = try runCLI(["compare", "--percent", "50", "--denominator", "2000", "--reference", "40.1%", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("fits every numerator from 990 to 1009; using 1000"), "\(result.stderr)")
        let exact = try runCLI(["compare", "--numerator", "1000", "--denominator", "2000", "--reference", "40.1%", "--format", "csv"])
        #expect(result.stdout.hasPrefix(exact.stdout), "the rows at the chosen numerator come first, unchanged")
        // The range is carried: the union of the Wilson intervals over 990..1009 (statsmodels, see
        // Fixtures/printed_proportion.json) and the p-value range.
        #expect(result.stdout.contains("\nconsistent_numerators,1000,990,1009,0.95,"))
        #expect(result.stdout.contains("\nservice_over_range,0.5,0.473118628518894"))
        #expect(result.stdout.contains("\np_value_range,"))
    }

    @Test func textSaysWhatWasComputed() throws {
        let result = try runCLI(["compare", "--numerator", "126", "--denominator", "250", "--reference", "40.1%"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("126 of 250 = 50.4%"))
        #expect(result.stdout.contains("+10.3 points"))
        #expect(result.stdout.contains("minimum likelihood"))
    }

    @Test func rateAgainstTheNationalRate() throws {
        let result = try runCLI(["compare", "--numerator", "57", "--denominator", "20000", "--reference", "236",
                                 "--measure", "rate", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try Self.rows(result)
        #expect(rows["service"]?["estimate"] as? Double == 285)
        #expect((rows["service"]?["method"] as? String)?.contains("Byar") == true)
        let expected = try Self.fixtureValue("rateComparisons", where: {
            $0["k"] as? Int == 57 && $0["population"] as? Double == 20000 }, key: "pValue")
        let p = try #require(rows["p_value"]?["estimate"] as? Double)
        #expect(abs(p - expected) <= 1e-12 * expected)
        let exact = try runCLI(["compare", "--numerator", "57", "--denominator", "20000", "--reference", "236",
                                "--measure", "rate", "--method", "exact", "--format", "json"])
        #expect((try Self.rows(exact)["service"]?["method"] as? String)?.contains("Garwood") == true)
    }

    @Test(arguments: [
        (["--numerator", "300", "--denominator", "250", "--reference", "40%"], "--numerator (300) is above --denominator (250)"),
        (["--numerator", "-3", "--denominator", "250", "--reference", "40%"], "--numerator must not be negative"),
        (["--numerator", "3", "--denominator", "0", "--reference", "40%"], "--denominator must be at least 1"),
        (["--numerator", "3", "--denominator", "20", "--reference", "40.1"], "or a percent with %, such as 40.1%"),
        (["--numerator", "3", "--denominator", "20", "--reference", "0%"], "strictly between 0% and 100%"),
        (["--numerator", "3", "--percent", "15", "--denominator", "20", "--reference", "40%"], "not both"),
        (["--denominator", "20", "--reference", "40%"], "missing --numerator"),
        (["--numerator", "3", "--denominator", "20", "--reference", "40%", "--per", "1000"], "--per applies only to --measure rate"),
        (["--numerator", "3", "--denominator", "20", "--reference", "40%", "--method", "byar"], "--method byar is for rates"),
        (["--numerator", "3", "--denominator", "2000", "--reference", "236", "--measure", "rate", "--method", "wilson"],
         "--method wilson is for proportions"),
        (["--numerator", "3", "--denominator", "2000", "--reference", "-5", "--measure", "rate"], "--reference must be a positive rate"),
        (["--numerator", "3", "--denominator", "0", "--reference", "236", "--measure", "rate"], "must be positive"),
        (["--numerator", "3", "--denominator", "20", "--reference", "40%", "--confidence", "1.2"], "--confidence must be strictly between"),
        (["--numerator", "3", "--denominator", "20"], "missing required option --reference"),
    ])
    func badInputExitsTwoNamingTheFlag(arguments: [String], message: String) throws {
        let result = try runCLI(["compare"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

/// `compare --measure ratio` and person-year rates.
@Suite("yjstat compare ratios and person-years")
struct CompareRatioCommandTests {
    @Test func observed182AgainstExpected143point68() throws {
        let result = try runCLI(["compare", "--measure", "ratio", "--numerator", "182", "--denominator", "143.68", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.stdout.split(whereSeparator: \.isNewline).map(String.init)
        let service = try #require(rows.first { $0.hasPrefix("service,") }).split(separator: ",").map(String.init)
        #expect(abs(try #require(Double(service[1])) - 182 / 143.68) < 1e-12)
        let text = try runCLI(["compare", "--measure", "ratio", "--numerator", "182", "--denominator", "143.68"])
        #expect(text.stdout.contains("182 observed against 143.68 expected"))
    }

    @Test func ratesAcceptFractionalPersonYears() throws {
        let result = try runCLI(["compare", "--measure", "rate", "--numerator", "12", "--denominator", "1500.5",
                                 "--per", "1000", "--reference", "6"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Service: 12 in 1500.50 = 8.0 per 1000"), "\(result.stdout)")
    }

    @Test(arguments: [
        (["--measure", "ratio", "--numerator", "3", "--denominator", "0"], "--denominator (the expected count) must be positive"),
        (["--measure", "ratio", "--numerator", "3", "--denominator", "2.5", "--per", "10"], "--per applies only to --measure rate"),
        (["--measure", "ratio", "--percent", "3", "--denominator", "2.5"], "--percent applies to proportions"),
        (["--measure", "ratio", "--numerator", "3", "--denominator", "2.5", "--reference", "-1"], "--reference must be a positive ratio"),
    ])
    func badRatioArgumentsExitTwo(arguments: [String], message: String) throws {
        let result = try runCLI(["compare"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr was: \(result.stderr)")
    }
}
