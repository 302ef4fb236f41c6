/// The panel's script, served as one file (`/static/panel.js`; the CSP allows no inline script).
/// Assembled from one part per concern. It never builds HTML from data: every value goes into
/// the page with `textContent` or an attribute set through the DOM.
enum PanelScript {
    static let text = "(function () {\n'use strict';\n"
        + PanelScriptCore.text + PanelScriptMonitor.text + PanelScriptSettings.text + PanelScriptLogs.text
        + "\nstart();\n})();\n"
}
