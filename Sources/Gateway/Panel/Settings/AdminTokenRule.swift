/// What a new admin token typed on the settings page must be: not empty, at least eight
/// characters, no spaces or line breaks around it (a pasted token often brings one, and the
/// login form would never match it), and not one of the client tokens (every client could then
/// log in to the panel).
///
/// Only a token the admin types now is held to this. A stored one, however short (gemini-balance
/// users often have `sk-123456`), keeps working, and typing it again is no change.
enum AdminTokenRule {
    static let minimumLength = 8

    static func problem(_ typed: String, stored: String, clientTokens: [String]) -> LocalizedText? {
        let trimmed = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return PanelString.adminTokenEmpty.text }
        if typed == stored { return nil }
        if trimmed != typed { return PanelString.adminTokenSpaces.text }
        if typed.count < minimumLength { return PanelString.adminTokenTooShort.text(filling: String(minimumLength)) }
        if clientTokens.contains(typed) { return PanelString.adminTokenIsClientToken.text }
        return nil
    }
}
