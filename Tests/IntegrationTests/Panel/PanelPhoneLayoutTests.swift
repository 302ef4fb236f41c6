import FakeGemini
import Foundation
@testable import Gateway
import Testing
import Wire

/// On a phone each table row becomes a card, and each labelled cell a two-column grid: the label,
/// then the value. A cell whose value is several elements (or text between elements) spills into
/// extra grid rows under the label, so every such cell holds exactly one element, or text only.
@Suite("Panel: table cells on a phone", .serialized)
struct PanelPhoneLayoutTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment

    @Test func everyLabelledCellHoldsOneThing() async throws {
        let keys = [testKey("phone-ok"), testKey("phone-bad"), testKey("phone-cool")]
        let fake = FakeGemini()
        fake.script(keys[1], .invalidKey)
        fake.script(keys[2], .quotaPerMinute(retryDelaySeconds: 600))
        try await GatewayHarness.run(keys: keys, tokens: ["sk-phone-token-1", "sk-phone-token-2"], environment: Self.environment, fake: fake) { harness in
            for _ in 0..<6 { _ = try await harness.generate(token: "sk-phone-token-2") }
            await harness.services.logs.flush()
            #expect(harness.snapshot(keys[1])?.record.lastErrorCode != nil)
            #expect(harness.snapshot(keys[2])?.activeCooldowns.isEmpty == false)
            let panel = try await harness.panel(adminToken: Self.adminToken)
            // The token that made the calls is removed, so its rows show the "removed token" label.
            #expect(try await panel.call(.PUT, "/api/config", ["values": ["ALLOWED_TOKENS": "sk-phone-token-1"]]).status == 200)

            for path in ["/keys", "/logs/requests", "/logs"] {
                let page = try await panel.get(path).body
                let cells = Self.labelledCells(in: page)
                #expect(!cells.isEmpty, "\(path) has no labelled cells")
                for cell in cells where !Self.holdsOneThing(cell.content) {
                    Issue.record("\(path): the “\(cell.label)” cell holds several things: \(cell.content)")
                }
            }
        }
    }

    /// `<td data-label="…">` cells (not the action bars, which lay their buttons out themselves).
    static func labelledCells(in html: String) -> [(label: String, content: String)] {
        var cells: [(String, String)] = []
        var rest = html[...]
        while let start = rest.range(of: "<td data-label=\"") {
            guard let tagEnd = rest.range(of: ">", range: start.upperBound..<rest.endIndex),
                  let close = rest.range(of: "</td>", range: tagEnd.upperBound..<rest.endIndex)
            else { break }
            let tag = rest[start.upperBound..<tagEnd.lowerBound]
            let label = String(tag.prefix { $0 != "\"" })
            if !tag.contains("class=\"actions\"") {
                cells.append((label, String(rest[tagEnd.upperBound..<close.lowerBound])))
            }
            rest = rest[close.upperBound...]
        }
        return cells
    }

    /// Text only, or one element with everything else inside it.
    static func holdsOneThing(_ content: String) -> Bool {
        let trimmed = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.contains("<") else { return true }
        let voids: Set<String> = ["input", "br", "img", "hr", "wbr"]
        var depth = 0
        var closedTopLevel = false
        var index = trimmed.startIndex
        while index < trimmed.endIndex {
            if trimmed[index] == "<" {
                guard let end = trimmed[index...].firstIndex(of: ">") else { return false }
                let tag = trimmed[trimmed.index(after: index)..<end]
                let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                if closedTopLevel { return false }
                if tag.hasPrefix("/") {
                    depth -= 1
                    if depth == 0 { closedTopLevel = true }
                } else if !voids.contains(name) && !tag.hasSuffix("/") {
                    depth += 1
                } else if depth == 0 {
                    closedTopLevel = true
                }
                index = trimmed.index(after: end)
            } else {
                if depth == 0 && !trimmed[index].isWhitespace { return false }
                index = trimmed.index(after: index)
            }
        }
        return depth == 0
    }
}
