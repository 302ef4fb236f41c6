import Foundation
@testable import Gateway
import Testing

@Suite struct MonitorLogicTests {
    @Test func minutesAreFoldedIntoTheRangesBuckets() {
        let now = Date(timeIntervalSince1970: 1_800_000_000 + 25)  // 25 s into a minute
        let first = TrendChart.start(of: .hour, now: now)
        #expect(now.timeIntervalSince(first) < 3_600 && now.timeIntervalSince(first) >= 3_540)
        let minutes = [
            MinuteCounts(start: first, counts: OutcomeCounts(successes: 2, failures: 1)),
            MinuteCounts(start: first.addingTimeInterval(-60), counts: OutcomeCounts(successes: 9)),
            MinuteCounts(start: now.addingTimeInterval(-25), counts: OutcomeCounts(failures: 4)),
        ]
        let buckets = TrendChart.buckets(minutes, range: .hour, now: now)
        #expect(buckets.count == 60)
        #expect(buckets.first?.counts == OutcomeCounts(successes: 2, failures: 1))
        #expect(buckets.last?.counts == OutcomeCounts(failures: 4))
        let day = TrendChart.buckets(minutes, range: .day, now: now)
        #expect(day.count == 48)
        #expect(day.map(\.counts.total).reduce(0, +) == 16)
    }

    @Test func axisRoundsUp() {
        #expect(TrendChart.niceCeiling(1) == 1)
        #expect(TrendChart.niceCeiling(3) == 5)
        #expect(TrendChart.niceCeiling(11) == 20)
        #expect(TrendChart.niceCeiling(500) == 500)
        #expect(TrendChart.niceCeiling(501) == 1_000)
    }

    @Test func theChartEscapesWhatItShows() {
        let clock = PanelClock(timeZoneName: "Asia/Shanghai")
        let svg = TrendChart.render(
            [TrendChart.Bucket(start: clock.now, counts: OutcomeCounts(successes: 1, failures: 1))], clock: clock,
            t: Translator(language: .zh))
        #expect(svg.html.contains("<svg"))
        #expect(svg.html.contains("成功 1，失败 1"))
    }

    @Test func theKeyListFiltersAndPages() {
        let now = Date()
        let keys = (0..<25).map { index -> KeySnapshot in
            var record = KeyStateRecord(key: "AIzaKey\(index)")
            record.consecutiveFailures = index % 5
            if index == 3 { record.status = .invalid }
            if index == 4 { record.status = .disabled }
            let cooldowns = index == 5 ? [ModelCooldown(model: "m", until: now.addingTimeInterval(60), reason: .perMinute)] : []
            return KeySnapshot(record: record, position: index, weight: 1, activeCooldowns: cooldowns, recentFailures: 0)
        }
        let firstPage = KeyListQuery(pageSize: 10).apply(keys)
        #expect(firstPage.rows.count == 10 && firstPage.total == 25)
        #expect(KeyListQuery(page: 9, pageSize: 10).apply(keys).page == 3)
        #expect(KeyListQuery(status: .invalid).apply(keys).rows.map(\.key) == ["AIzaKey3"])
        #expect(KeyListQuery(status: .cooling).apply(keys).rows.map(\.key) == ["AIzaKey5"])
        #expect(KeyListQuery(status: .active).apply(keys).total == 22)
        #expect(KeyListQuery(search: "key2").apply(keys).total == 6)
        #expect(KeyListQuery(minFailures: 4).apply(keys).total == 5)
        #expect(KeyListQuery(pageSize: 5_000).pageSize == 500)
        #expect(KeyListQuery(pageSize: 1).pageSize == 10)
    }

    @Test func resetToTheEnvironmentKeepsKeysAndAdminTokenItDoesNotHave() {
        var current = Settings()
        current.set("API_KEYS", .list(["AIza-current"]))
        current.set("AUTH_TOKEN", .text("current-admin"))
        current.set("MAX_RETRIES", .integer(7))
        let validator = SettingValidator(strategyNames: ["round_robin"])
        let plan = EnvironmentReset.plan(
            environment: ["API_KEYS": "[\"\"]", "MAX_FAILURES": "9"], current: current, validator: validator)
        #expect(plan.problems.isEmpty)
        #expect(plan.values["API_KEYS"] == .list(["AIza-current"]))
        #expect(plan.values["AUTH_TOKEN"] == .text("current-admin"))
        #expect(plan.values["MAX_RETRIES"] == .integer(3))
        #expect(plan.values["MAX_FAILURES"] == .integer(9))
        #expect(plan.keptKeys && plan.keptAdminToken)
        let bad = EnvironmentReset.plan(environment: ["MAX_RETRIES": "many"], current: current, validator: validator)
        #expect(bad.problems.map(\.setting) == ["MAX_RETRIES"])
    }

    @Test func listFieldsAreSentOnAsJSONLists() {
        #expect(SettingFormText.normalized("a\nb, c\n\n", for: SettingCatalog.allowedTokens) == #"["a","b","c"]"#)
        #expect(SettingFormText.normalized(#"["x"]"#, for: SettingCatalog.allowedTokens) == #"["x"]"#)
        #expect(SettingFormText.normalized("5", for: SettingCatalog.maxRetries) == "5")
    }
}
