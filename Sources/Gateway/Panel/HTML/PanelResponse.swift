import Hummingbird
import NIOCore
import Wire

/// Responses of the panel: pages, JSON for the pages' script, redirects.
enum PanelResponse {
    static func page(_ markup: Markup, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: "<!DOCTYPE html>\n" + markup.html)))
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: value.serializedText)))
    }

    /// 303 See Other: after a form post the browser follows with a GET.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
