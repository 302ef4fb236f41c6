import Foundation

/// Why an image URL in a chat request was not fetched. The message reaches the client (as a 400
/// through `ConversionError.mediaUnavailable`), so it says what was wrong in plain words.
public struct MediaFetchError: Error, LocalizedError, CustomStringConvertible, Sendable {
    public let message: String
    /// The refusal came before any connection was made (address, scheme, redirect target).
    public let refusedBeforeConnecting: Bool

    init(_ message: String, refusedBeforeConnecting: Bool = false) {
        self.message = message
        self.refusedBeforeConnecting = refusedBeforeConnecting
    }

    public var description: String { message }
    public var errorDescription: String? { message }
}
