import PostgresNIO  // re-exports NIOSSL

/// libpq's `sslmode` values, so a `DATABASE_URL` copied from psql or a cloud console works.
public enum PostgresTLSMode: String, Sendable, CaseIterable {
    /// Plain TCP.
    case disable
    /// TLS when the server offers it, plain otherwise; the certificate is not checked. libpq's
    /// default, and ours. (`allow` is read as `prefer`.)
    case prefer
    /// TLS or no connection; the certificate is not checked (it protects against listeners on
    /// the wire, not against an impostor server).
    case require
    /// TLS; the certificate must chain to a trusted CA, whatever host name it names.
    case verifyCA = "verify-ca"
    /// TLS; the certificate must chain to a trusted CA and name the host connected to.
    case verifyFull = "verify-full"

    /// Reads an `sslmode` value; nil for an unknown one.
    public init?(sslmode: String) {
        let value = sslmode.lowercased()
        if value == "allow" {
            self = .prefer
        } else if let mode = PostgresTLSMode(rawValue: value) {
            self = mode
        } else {
            return nil
        }
    }

    var summary: String {
        switch self {
        case .disable: return "no TLS"
        case .prefer: return "TLS if the server offers it"
        case .require: return "TLS, certificate not checked"
        case .verifyCA: return "TLS, certificate authority checked"
        case .verifyFull: return "TLS, certificate and host name checked"
        }
    }

    /// The NIOSSL client configuration for this mode, or nil for `disable`.
    func tlsConfiguration(caCertificateFile: String?) -> TLSConfiguration? {
        var configuration = TLSConfiguration.makeClientConfiguration()
        switch self {
        case .disable:
            return nil
        case .prefer, .require:
            configuration.certificateVerification = .none
        case .verifyCA:
            configuration.certificateVerification = .noHostnameVerification
        case .verifyFull:
            configuration.certificateVerification = .fullVerification
        }
        if let caCertificateFile, self == .verifyCA || self == .verifyFull {
            configuration.trustRoots = .file(caCertificateFile)
        }
        return configuration
    }
}
