import Hummingbird
import NIOCore

/// `GET /static/{name}`: the stylesheet, script and icon, compiled into the binary. Their URLs
/// carry a content hash, so they are cached for a year and a new build is fetched at once.
enum PanelAssetRoutes {
    static func register(on group: RouterGroup<GatewayRequestContext>) {
        group.get("static/{name}") { request, context -> Response in
            guard let name = context.parameters.get("name"), let asset = PanelAssets.Asset(fileName: name) else {
                throw GatewayError.notFound(AdminAPI.translator(for: request)(.panelFileNotFound))
            }
            let bytes = PanelAssets.content(asset)
            return Response(
                status: .ok,
                headers: [
                    .contentType: asset.contentType,
                    .cacheControl: "public, max-age=31536000, immutable",
                    .eTag: "\"\(PanelAssets.version(asset))\"",
                ],
                body: ResponseBody(byteBuffer: ByteBuffer(string: bytes)))
        }
    }
}
