import Foundation

/// One request the fake received and what it did with it; `GET /_fake/requests` returns these.
public struct RecordedRequest: Sendable, Codable, Hashable {
    /// Increasing from 1 in arrival order.
    public var id: Int
    public var time: Date
    public var method: String
    /// The path as sent (still percent-encoded).
    public var path: String
    public var query: [String: String]
    /// The key used, in full (it is a fake): from `?key=`, `x-goog-api-key` or a Bearer token.
    public var apiKey: String?
    /// The model id without `models/`, when the path or body named one.
    public var model: String?
    /// `generateContent`, `streamGenerateContent`, `listModels`, `chatCompletions`, …
    public var action: String?
    public var body: String
    public var status: Int
    /// Stream frames written (0 for plain answers).
    public var eventsSent: Int
    /// The client went away before the answer was complete: it hung up while a slow answer was
    /// pending, or a stream write failed.
    public var clientDisconnected: Bool
    /// The fake cut the stream on purpose (`streamCut`).
    public var streamAborted: Bool
    public var headers: Headers

    /// The request headers a gateway test cares about.
    public struct Headers: Sendable, Codable, Hashable {
        public var authorization: String?
        public var hasGoogAPIKey: Bool
        public var contentType: String?
        public var userAgent: String?

        public init(authorization: String? = nil, hasGoogAPIKey: Bool = false, contentType: String? = nil, userAgent: String? = nil) {
            self.authorization = authorization
            self.hasGoogAPIKey = hasGoogAPIKey
            self.contentType = contentType
            self.userAgent = userAgent
        }
    }

    public init(
        id: Int, time: Date, method: String, path: String, query: [String: String], apiKey: String?, model: String?,
        action: String?, body: String, status: Int, eventsSent: Int = 0, clientDisconnected: Bool = false,
        streamAborted: Bool = false, headers: Headers
    ) {
        self.id = id
        self.time = time
        self.method = method
        self.path = path
        self.query = query
        self.apiKey = apiKey
        self.model = model
        self.action = action
        self.body = body
        self.status = status
        self.eventsSent = eventsSent
        self.clientDisconnected = clientDisconnected
        self.streamAborted = streamAborted
        self.headers = headers
    }
}
