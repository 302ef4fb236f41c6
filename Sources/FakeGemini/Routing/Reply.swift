import HTTPTypes
import Hummingbird

/// What a handler decided, before it is recorded and sent.
enum Reply: Sendable {
    /// A complete response.
    case whole(Response)
    /// A 200 stream: the head waits `pacing.firstEventDelayMs`, then frames are written one by one.
    case stream(StreamScript, contentType: String)

    static func error(_ error: GoogleError, _ delivery: ErrorDelivery) -> Reply {
        .whole(FakeResponses.error(error, delivery: delivery))
    }

    static func json(_ document: OrderedJSON) -> Reply {
        .whole(FakeResponses.prettyJSON(document))
    }

    var status: Int {
        switch self {
        case .whole(let response): return response.status.code
        case .stream: return 200
        }
    }
}

/// What the record of a call knows once routing has looked at it.
struct CallFacts: Sendable {
    var apiKey: String?
    var model: String?
    var action: String?
}
