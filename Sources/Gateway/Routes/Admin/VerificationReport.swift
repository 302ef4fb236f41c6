import Foundation
import Wire

/// A verification's results as the page shows them: progress, then keys grouped by outcome
/// (valid, rate-limited, invalid by error code, inconclusive), masked, with Google's message.
enum VerificationReport {
    static func json(_ progress: VerificationJobs.Progress) -> JSONValue {
        var groups: [String: [JSONValue]] = [:]
        var order: [String] = []
        for outcome in progress.outcomes {
            let group = groupName(outcome.result)
            if groups[group] == nil { order.append(group) }
            var entry: [String: JSONValue] = [
                "id": .string(KeyDirectory.id(of: outcome.key)), "masked": .string(Secret.mask(outcome.key)),
            ]
            if let message = message(outcome.result) { entry["message"] = .string(message) }
            groups[group, default: []].append(.object(entry))
        }
        return .object([
            "total": .int(Int64(progress.total)), "done": .int(Int64(progress.done)),
            "finished": .bool(progress.isFinished),
            "groups": .array(order.map { .object(["group": .string($0), "keys": .array(groups[$0] ?? [])]) }),
        ])
    }

    /// `valid`, `rateLimited`, `invalid-403`, `inconclusive`.
    static func groupName(_ result: KeyVerifier.Result) -> String {
        switch result {
        case .valid: "valid"
        case .rateLimited: "rateLimited"
        case .invalid(let code, _): "invalid-" + (code.map(String.init) ?? "other")
        case .inconclusive: "inconclusive"
        }
    }

    static func message(_ result: KeyVerifier.Result) -> String? {
        switch result {
        case .valid: nil
        case .rateLimited(let until): ISO8601DateFormatter().string(from: until)
        case .invalid(_, let message), .inconclusive(let message): message
        }
    }

    static func outcomeJSON(_ result: KeyVerifier.Result) -> JSONValue {
        .string(groupName(result))
    }

    static func sentence(_ result: KeyVerifier.Result, t: Translator) -> String {
        switch result {
        case .valid: t(.verifyValid)
        case .rateLimited: t(.verifyRateLimited)
        case .invalid(let code, let message): t(.verifyInvalid, code.map(String.init) ?? "—", message)
        case .inconclusive(let message): t(.verifyInconclusive, message)
        }
    }
}
