import Foundation

/// The monitor's trend of successes and failures, drawn as SVG by the server: stacked bars
/// per bucket, a labelled y axis, a few time labels, and a tooltip (`<title>`) per bar.
enum TrendChart {
    enum Range: String, CaseIterable, Sendable {
        case hour = "1h"
        case eightHours = "8h"
        case day = "24h"

        var seconds: TimeInterval {
            switch self {
            case .hour: 3_600
            case .eightHours: 8 * 3_600
            case .day: 86_400
            }
        }

        /// Per minute for an hour, ten minutes for eight hours, half an hour for a day:
        /// 48 to 60 bars, readable at 375 px.
        var bucketSeconds: TimeInterval {
            switch self {
            case .hour: 60
            case .eightHours: 600
            case .day: 1_800
            }
        }

        var label: PanelString {
            switch self {
            case .hour: .lastHour
            case .eightHours: .last8Hours
            case .day: .last24Hours
            }
        }
    }

    struct Bucket: Sendable, Equatable {
        let start: Date
        var counts: OutcomeCounts
    }

    /// The first instant the chart covers; query the per-minute counts from here.
    static func start(of range: Range, now: Date) -> Date {
        let size = range.bucketSeconds
        let lastStart = (now.timeIntervalSince1970 / size).rounded(.down) * size
        let count = (range.seconds / size).rounded()
        return Date(timeIntervalSince1970: lastStart - (count - 1) * size)
    }

    /// Per-minute counts folded into the range's buckets (empty buckets included).
    static func buckets(_ minutes: [MinuteCounts], range: Range, now: Date) -> [Bucket] {
        let first = start(of: range, now: now)
        let size = range.bucketSeconds
        let count = Int((range.seconds / size).rounded())
        var buckets = (0..<count).map { Bucket(start: first.addingTimeInterval(Double($0) * size), counts: OutcomeCounts()) }
        for minute in minutes {
            let index = Int((minute.start.timeIntervalSince(first) / size).rounded(.down))
            guard buckets.indices.contains(index) else { continue }
            buckets[index].counts = buckets[index].counts + minute.counts
        }
        return buckets
    }

    static func render(_ buckets: [Bucket], clock: PanelClock, t: Translator) -> Markup {
        let width = 720.0, height = 240.0
        let left = 44.0, right = 8.0, top = 12.0, bottom = 28.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let peak = buckets.map(\.counts.total).max() ?? 0
        let scale = niceCeiling(max(peak, 1))
        let slot = plotWidth / Double(max(buckets.count, 1))
        let barWidth = max(1, slot * 0.8)

        func y(_ value: Int) -> Double { top + plotHeight - plotHeight * Double(value) / Double(scale) }
        func number(_ value: Double) -> String { String(format: "%.1f", value) }

        var parts: [Markup] = []
        for fraction in [0.0, 0.5, 1.0] {
            let value = Int((Double(scale) * fraction).rounded())
            let lineY = number(y(value))
            parts.append("<line class=\"grid\" x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(lineY)\" y2=\"\(lineY)\"/>")
            parts.append("<text class=\"axis\" x=\"\(number(left - 6))\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\">\(value)</text>")
        }
        for (index, bucket) in buckets.enumerated() {
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let successTop = y(bucket.counts.successes)
            let failureTop = y(bucket.counts.total)
            let tooltip = clock.hourMinute(bucket.start) + " · " + t(.trendTooltip, String(bucket.counts.successes), String(bucket.counts.failures))
            var bar: Markup = "<g class=\"bar\"><title>\(tooltip)</title>"
            if bucket.counts.successes > 0 {
                bar += "<rect class=\"ok\" x=\"\(number(x))\" y=\"\(number(successTop))\" width=\"\(number(barWidth))\" height=\"\(number(top + plotHeight - successTop))\"/>"
            }
            if bucket.counts.failures > 0 {
                bar += "<rect class=\"fail\" x=\"\(number(x))\" y=\"\(number(failureTop))\" width=\"\(number(barWidth))\" height=\"\(number(successTop - failureTop))\"/>"
            }
            // An invisible full-height target, so that hovering an empty bucket shows its tooltip too.
            bar += "<rect class=\"hit\" x=\"\(number(left + Double(index) * slot))\" y=\"\(number(top))\" width=\"\(number(slot))\" height=\"\(number(plotHeight))\"/></g>"
            parts.append(bar)
        }
        let labelEvery = max(1, buckets.count / 6)
        for index in stride(from: 0, to: buckets.count, by: labelEvery) {
            let x = left + Double(index) * slot + slot / 2
            parts.append("<text class=\"axis\" x=\"\(number(x))\" y=\"\(number(height - 8))\" text-anchor=\"middle\">\(clock.hourMinute(buckets[index].start))</text>")
        }
        let empty: Markup = peak == 0 ? "<p class=\"muted\">\(t(.noCallsInPeriod))</p>" : .empty
        return """
            <figure class="trend">
            <svg viewBox="0 0 720 240" role="img" aria-label="\(t(.trendChartLabel))" preserveAspectRatio="none">\(parts)</svg>
            <figcaption><span class="legend ok">\(t(.successes))</span><span class="legend fail">\(t(.failures))</span><span class="muted" translate="no">\(clock.zoneDescription)</span></figcaption>
            \(empty)
            </figure>
            """
    }

    /// 1, 2, 5 × 10ⁿ at or above the value, so the axis reads in round numbers.
    static func niceCeiling(_ value: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= value { magnitude *= 10 }
        for step in [1, 2, 5, 10] where step * magnitude >= value { return step * magnitude }
        return value
    }
}
