@testable import Gateway
import Testing

/// Rules of the stylesheet that pages depend on.
@Suite struct PanelStylesheetTests {
    /// The declarations of the first rule whose selector list contains `selector`.
    static func declarations(of selector: String) -> String? {
        for rule in PanelStylesheet.text.split(separator: "}") {
            let parts = rule.split(separator: "{", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let selectors = parts[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            if selectors.contains(selector) { return String(parts[1]) }
        }
        return nil
    }

    /// A key, an error body or a URL without spaces must wrap inside a dialog's table instead of
    /// pushing the dialog wider than the screen.
    @Test func dialogTableCellsWrapLongValues() {
        #expect(Self.declarations(of: ".dialog td")?.contains("overflow-wrap:anywhere") == true)
    }
}
