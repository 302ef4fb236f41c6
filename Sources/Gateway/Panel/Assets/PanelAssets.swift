/// The panel's static files, compiled into the binary as Swift strings: no CDN, no resource
/// bundle, nothing to install next to the executable.
enum PanelAssets {
    enum Asset: String, CaseIterable, Sendable {
        case stylesheet = "panel.css"
        case script = "panel.js"
        case icon = "icon.svg"

        init?(fileName: String) {
            self.init(rawValue: fileName)
        }

        var contentType: String {
            switch self {
            case .stylesheet: "text/css; charset=utf-8"
            case .script: "text/javascript; charset=utf-8"
            case .icon: "image/svg+xml"
            }
        }
    }

    static func content(_ asset: Asset) -> String {
        switch asset {
        case .stylesheet: PanelStylesheet.text
        case .script: PanelScript.text
        case .icon: PanelIcon.text
        }
    }

    /// A fingerprint of the content, computed once; it changes when the file does.
    private static let versions: [Asset: String] = Dictionary(
        uniqueKeysWithValues: Asset.allCases.map { ($0, Secret.fingerprint(content($0))) })

    static func version(_ asset: Asset) -> String {
        versions[asset] ?? "0"
    }

    /// `/static/panel.css?v=…`, cacheable for a year.
    static func url(_ asset: Asset) -> String {
        "/static/\(asset.rawValue)?v=\(version(asset))"
    }
}
