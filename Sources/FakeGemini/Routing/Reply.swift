import HTTPTypes
import Hummingbird

/// What a handler decided, before it is recorded and sent.
enum Reply: Sendable {
    /// A complete response.
    case whole(Response)
    /// A complete response that a slow key holds back for `delayMs` (the call is recorded first).
    case held(Response, delayMs: Int)
    /// A 200 stream: the head waits `pacing.firstEventDelayMs`, then frames are written one by one.
    case stream(StreamScript, contentType: String)

    static func error(_ error: GoogleError, _ delivery: ErrorDelivery) -> Reply {
        .whole(FakeResponses.error(error, delivery: delivery))
    }

    static func json(_ document: OrderedJSON) -> Reply {
        .whole(FakeResponses.prettyJSON(document))
    }

    /// A slow key delays a plain answer as long as a stream's first frame.
    func held(for pacing: StreamPacing) -> Reply {
        guard case .whole(let response) = self, pacing.firstEventDelayMs > 0 else { return self }
        return .held(response, delayMs: pacing.firstEventDelayMs)
    }

    var status: Int {
        switch self {
        case .whole(let response), .held(let response, _): return response.status.code
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
