/// Whether the connection to the server is encrypted and whether the server's certificate is checked.
///
/// Free hosted MySQL services usually refuse unencrypted connections, so `required` is the usual
/// choice there; `verify` also protects against someone in the middle.
public enum MySQLTLSMode: Sendable, Equatable {
    /// Plain TCP (the default, as in gemini-balance).
    case off
    /// TLS is required; the server's certificate is not checked.
    case required
    /// TLS is required and the certificate chain and host name are checked, against the CA file
    /// when one is given, otherwise against the system's trust store.
    case verify(caFile: String?)

    /// Reads `MYSQL_SSL`. Accepts the documented values and their obvious spellings.
    static func parse(_ text: String) -> Kind? {
        switch text.lowercased() {
        case "off", "false", "0", "no", "disabled", "disable": .off
        case "required", "require", "true", "1", "yes", "on": .required
        case "verify", "verify_ca", "verify-ca", "verify_identity", "verify-identity", "verify-full": .verify
        default: nil
        }
    }

    /// The mode without its CA file, as named in `MYSQL_SSL`.
    enum Kind {
        case off, required, verify
    }
}
