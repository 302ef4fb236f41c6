import Wire

/// JSON forms, so behaviours can come from `POST /_fake/keys`, `--keys-file` or `FAKE_GEMINI_KEYS`:
///
/// - a bare name for the cases without parameters, or to take the defaults: `"leaked"`, `"valid"`;
/// - an object with `kind`: `{"kind":"quotaPerMinute","retryDelaySeconds":20,"models":["gemini-2.5-pro"]}`;
/// - an object keyed by the case: `{"slow":{"firstEventDelayMs":500,"eventIntervalMs":100,"events":5}}`.
///
/// `failTimes` takes `count`, `failure` and `then` (each a behaviour in any of these forms).
/// Names and fields also match in snake_case (`quota_per_minute`, `retry_delay_seconds`).
extension FakeKeyBehaviour: Codable {
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(JSONValue.self)
        do {
            self = try FakeKeyBehaviour(json: value)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.reason))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(json)
    }
}

/// Why a behaviour description could not be read.
struct BehaviourFormatError: Error, Sendable {
    let reason: String
}

extension FakeKeyBehaviour {
    /// Reads any of the documented JSON forms.
    init(json: JSONValue) throws(BehaviourFormatError) {
        switch json {
        case .string(let name):
            self = try Self.make(kind: name, fields: [:])
        case .object(let object):
            let fields = Dictionary(object.map { (Self.normalised($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
            if let kind = fields["kind"]?.stringValue ?? fields["type"]?.stringValue {
                self = try Self.make(kind: kind, fields: fields)
            } else if object.count == 1, let entry = object.first {
                let innerFields = entry.value.objectValue.map { inner in
                    Dictionary(inner.map { (Self.normalised($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
                } ?? [:]
                self = try Self.make(kind: entry.key, fields: innerFields)
            } else {
                throw BehaviourFormatError(reason: "a behaviour object needs a \"kind\"")
            }
        default:
            throw BehaviourFormatError(reason: "a behaviour is a name or an object")
        }
    }

    /// The canonical JSON form: a bare name when there are no parameters, else an object with `kind`.
    var json: JSONValue {
        func object(_ kind: String, _ fields: [String: JSONValue]) -> JSONValue {
            .object(fields.merging(["kind": .string(kind)]) { $1 })
        }
        func models(_ list: [String]?) -> [String: JSONValue] {
            list.map { ["models": .array($0.map(JSONValue.string))] } ?? [:]
        }
        switch self {
        case .valid: return .string("valid")
        case .invalidKey: return .string("invalidKey")
        case .leaked: return .string("leaked")
        case .suspended: return .string("suspended")
        case .serviceDisabled: return .string("serviceDisabled")
        case .internalError: return .string("internalError")
        case .overloaded: return .string("overloaded")
        case .locationBlocked: return .string("locationBlocked")
        case .quotaPerMinute(let delay, let list):
            return object("quotaPerMinute", models(list).merging(["retryDelaySeconds": .int(Int64(delay))]) { $1 })
        case .quotaPerDay(let list): return object("quotaPerDay", models(list))
        case .quotaLimitZero(let list): return object("quotaLimitZero", models(list))
        case .slow(let first, let interval, let events):
            return object("slow", [
                "firstEventDelayMs": .int(Int64(first)), "eventIntervalMs": .int(Int64(interval)), "events": .int(Int64(events)),
            ])
        case .streamCut(let after): return object("streamCut", ["afterEvents": .int(Int64(after))])
        case .midStreamError(let after): return object("midStreamError", ["afterEvents": .int(Int64(after))])
        case .failTimes(let count, let failure, let then):
            return object("failTimes", ["count": .int(Int64(count)), "failure": failure.json, "then": then.json])
        }
    }

    private static func make(kind: String, fields: [String: JSONValue]) throws(BehaviourFormatError) -> FakeKeyBehaviour {
        func integer(_ name: String, default fallback: Int? = nil) throws(BehaviourFormatError) -> Int {
            if let value = fields[normalised(name)] {
                guard let number = value.intValue, number >= 0 else {
                    throw BehaviourFormatError(reason: "\(name) must be a non-negative integer")
                }
                return number
            }
            guard let fallback else { throw BehaviourFormatError(reason: "\(kind) needs \(name)") }
            return fallback
        }
        func behaviour(_ name: String, default fallback: FakeKeyBehaviour) throws(BehaviourFormatError) -> FakeKeyBehaviour {
            guard let value = fields[normalised(name)] else { return fallback }
            return try FakeKeyBehaviour(json: value)
        }
        let models: [String]? = fields["models"]?.arrayValue?.compactMap(\.stringValue)

        switch normalised(kind) {
        case "valid", "ok": return .valid
        case "invalidkey", "invalid": return .invalidKey
        case "leaked": return .leaked
        case "suspended": return .suspended
        case "servicedisabled": return .serviceDisabled
        case "internalerror", "internal": return .internalError
        case "overloaded": return .overloaded
        case "locationblocked": return .locationBlocked
        case "quotaperminute": return .quotaPerMinute(retryDelaySeconds: try integer("retryDelaySeconds", default: 30), models: models)
        case "quotaperday": return .quotaPerDay(models: models)
        case "quotalimitzero": return .quotaLimitZero(models: models)
        case "slow":
            return .slow(
                firstEventDelayMs: try integer("firstEventDelayMs", default: 1000),
                eventIntervalMs: try integer("eventIntervalMs", default: 0),
                events: max(1, try integer("events", default: 3)))
        case "streamcut": return .streamCut(afterEvents: try integer("afterEvents", default: 1))
        case "midstreamerror": return .midStreamError(afterEvents: try integer("afterEvents", default: 1))
        case "failtimes":
            return .failTimes(
                try integer("count", default: 1),
                failure: try behaviour("failure", default: .internalError),
                then: try behaviour("then", default: .valid))
        default:
            throw BehaviourFormatError(reason: "unknown behaviour \"\(kind)\"")
        }
    }

    /// `quota_per_minute`, `quotaPerMinute` and `QuotaPerMinute` all become `quotaperminute`.
    private static func normalised(_ name: String) -> String {
        String(name.lowercased().filter { $0 != "_" && $0 != "-" })
    }
}

extension FakeKeyBehaviour {
    /// Reads a `{key: behaviour}` object (the control API, `--keys-file`, `FAKE_GEMINI_KEYS`).
    static func scripts(fromJSON text: String) throws(BehaviourFormatError) -> [String: FakeKeyBehaviour] {
        let document: JSONValue
        do {
            document = try JSONValue.parse(text)
        } catch {
            throw BehaviourFormatError(reason: "not JSON: \(error.reason) at byte \(error.offset)")
        }
        guard case .object(let entries) = document else {
            throw BehaviourFormatError(reason: "expected an object {\"key\": behaviour}")
        }
        var scripts: [String: FakeKeyBehaviour] = [:]
        for (key, value) in entries {
            do {
                scripts[key] = try FakeKeyBehaviour(json: value)
            } catch {
                throw BehaviourFormatError(reason: "key \(key): \(error.reason)")
            }
        }
        return scripts
    }
}
