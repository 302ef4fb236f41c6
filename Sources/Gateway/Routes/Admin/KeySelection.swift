import Foundation
import Wire

/// Which keys a batch action means, from its JSON: `ids` (a selection), `errorCode` (every key
/// with that error code in the last 24 hours) or `filter` (every key the list's filter matches,
/// on all pages; read strictly, see `KeyListQuery.selection`). Only configured keys are ever
/// returned.
enum KeySelection {
    static func keys(_ body: JSONValue, services: GatewayServices, t: Translator) async throws -> [String] {
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
            let query: KeyListQuery
            do throws(KeyListQuery.FilterProblem) {
                query = try KeyListQuery.selection(PageQuery(FormBody.pairs(filter)))
            } catch {
                throw refusal(error, t: t)
            }
            return snapshot.filter(query.matches).map(\.key)
        }
        throw AdminAPI.error(400, t(.sayWhichKeys, "\"ids\", \"errorCode\", \"filter\""))
    }

    /// A refused filter as a 400 in the admin's language.
    static func refusal(_ problem: KeyListQuery.FilterProblem, t: Translator) -> GatewayError {
        switch problem {
        case .unknownStatus(let text):
            let known = KeyListQuery.Status.allCases.map(\.rawValue).joined(separator: ", ")
            return AdminAPI.error(400, t(.unknownKeyStatus, text, known))
        case .notANumber(let name, let value):
            return AdminAPI.error(400, t(.keyFilterNotANumber, name, value))
        case .noCondition:
            return AdminAPI.error(400, t(.keyFilterEmpty, "status=all"))
        }
    }
}
