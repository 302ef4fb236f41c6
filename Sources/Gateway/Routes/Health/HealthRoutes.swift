import Hummingbird

/// `GET /health`: public, for container health checks and load balancers.
enum HealthRoutes {
    static func register(on router: Router<GatewayRequestContext>) {
        router.get("health") { _, _ -> Response in
            Response(
                status: .ok, headers: [.contentType: "application/json"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"status":"healthy"}"#)))
        }
    }
}
