import Foundation

/// Media the gateway fetched for an `http(s)` image URL in a message.
public struct FetchedMedia: Sendable, Equatable {
    /// The IANA type to send upstream, e.g. `image/png`.
    public let mimeType: String
    /// The bytes, base64-encoded.
    public let base64Data: String

    public init(mimeType: String, base64Data: String) {
        self.mimeType = mimeType
        self.base64Data = base64Data
    }
}

/// Fetches an image the client referenced by URL. Supplied by the gateway, which applies its
/// size, type and address limits (no private addresses) and a timeout; a thrown error becomes a
/// `ConversionError` with cause `.mediaUnavailable` whose message includes the error's
/// description, so throw errors that explain themselves.
public typealias MediaFetcher = @Sendable (URL) async throws -> FetchedMedia

/// Looks up the thought signature the gateway stored for a tool-call id it handed out earlier;
/// nil when unknown or expired.
public typealias ThoughtSignatureLookup = @Sendable (_ toolCallID: String) -> String?
