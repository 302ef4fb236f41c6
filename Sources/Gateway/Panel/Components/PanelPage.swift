import Foundation
import Hummingbird

/// What a page handler needs about the request it answers: who, in which language, which
/// settings, which clock, which query.
struct PanelPage: Sendable {
    let services: GatewayServices
    let session: AdminSessionInfo
    let settings: Settings
    let t: Translator
    let clock: PanelClock
    let query: PageQuery

    var language: Language { t.language }

    init(services: GatewayServices, request: Request, context: GatewayRequestContext) throws {
        guard let session = context.adminSession else {
            // The session middleware runs before every admin route; reaching here without one is a bug.
            throw GatewayError.internalError("admin route without a session")
        }
        self.services = services
        self.session = session
        settings = services.settings.current
        t = Translator(language: session.language)
        clock = PanelClock(timeZoneName: settings[SettingCatalog.timezone].text ?? "UTC")
        query = PageQuery(request)
    }
}
