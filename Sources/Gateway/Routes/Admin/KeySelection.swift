import Foundation
import Wire

/// Which keys a batch action means, from its JSON: `ids` (a selection), `errorCode` (every key
/// with that error code in the last 24 hours) or `filter` (every key the list's filter matches,
/// on all pages). Only configured keys are ever returned.
enum KeySelection {
    static func keys(_ body: JSONValue, services: GatewayServices) async throws -> [String] {
        let snapshot = services.pool.snapshot()
        let directory = KeyDirectory(keys: snapshot.map(\.key))
        if let ids = body["ids"], ids.arrayValue != nil {
            return directory.keys(for: AdminAPI.strings(ids))
        }
        if let code = body["errorCode"]?.intValue {
            let configured = Set(snapshot.map(\.key))
            let counts = try await services.storage.keysByErrorCount(
                errorCode: code, since: Date().addingTimeInterval(-86_400), limit: 100_000)
            return counts.map(\.key).filter { configured.contains($0) }
        }
        if let filter = body["filter"]?.stringValue {
            let query = KeyListQuery(PageQuery(FormBody.pairs(filter)))
            return snapshot.filter(query.matches).map(\.key)
        }
        throw GatewayError.badRequest("Say which keys: \"ids\", \"errorCode\" or \"filter\".")
    }
}
