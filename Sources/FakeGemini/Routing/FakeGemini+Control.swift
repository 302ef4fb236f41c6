import Foundation
import HTTPTypes
import Hummingbird
import Wire

/// The control API, for tests that drive the fake as a separate process:
///
/// - `POST /_fake/keys` with `{"key": behaviour, …}` scripts keys (forms in `FakeKeyBehaviour+Codable`);
/// - `POST /_fake/reset` forgets scripts and recorded requests;
/// - `GET /_fake/requests` returns the recorded requests as a JSON array (`?since=<id>` for newer ones);
/// - `POST /_fake/recording?enabled=false` (or body `{"enabled": false}`) switches recording.
extension FakeGemini {
    func addControlRoutes<Context: RequestContext>(to router: Router<Context>) {
        router.post("/_fake/keys") { request, _ -> Response in
            let call = await IncomingCall.read(request)
            do throws(BehaviourFormatError) {
                let scripts = try FakeKeyBehaviour.scripts(fromJSON: call.bodyText)
                self.script(scripts)
                return Self.controlAnswer(["scripted": .int(scripts.count)])
            } catch {
                return Self.controlAnswer(["error": .string(error.reason)], status: .badRequest)
            }
        }
        router.post("/_fake/reset") { _, _ -> Response in
            self.reset()
            return Self.controlAnswer(["reset": true])
        }
        router.get("/_fake/requests") { request, _ -> Response in
            let since = request.uri.queryParameters["since"].flatMap { Int(String($0)) } ?? 0
            let records = self.requests().filter { $0.id > since }
            return Self.controlAnswer(bytes: Array(Self.encodeRecords(records)))
        }
        router.post("/_fake/recording") { request, _ -> Response in
            let call = await IncomingCall.read(request)
            let fromQuery = call.query["enabled"].map { $0 != "false" && $0 != "0" }
            let fromBody = (try? JSONValue.parse(call.body.readableBytesView))?["enabled"]?.boolValue
            if let enabled = fromQuery ?? fromBody { self.recording = enabled }
            return Self.controlAnswer(["recording": .bool(self.recording)])
        }
    }

    private static func controlAnswer(_ document: OrderedJSON, status: HTTPResponse.Status = .ok) -> Response {
        controlAnswer(bytes: document.rendered(.compact), status: status)
    }

    private static func controlAnswer(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// Dates in ISO 8601 (`JSONDecoder`'s `.iso8601` reads them back), keys sorted.
    static func encodeRecords(_ records: [RecordedRequest]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(records)) ?? Data("[]".utf8)
    }
}
