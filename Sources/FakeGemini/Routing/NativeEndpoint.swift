import HTTPTypes

/// The native methods a model path can end with (`models/{m}:generateContent`).
enum ModelAction: String, Sendable {
    case generateContent
    case streamGenerateContent
    case countTokens
    case embedContent
    case batchEmbedContents
    case predict

    /// The `supportedGenerationMethods` entry a model must list to serve this action.
    var requiredMethod: String {
        switch self {
        case .generateContent, .streamGenerateContent: return "generateContent"
        case .countTokens: return "countTokens"
        case .embedContent, .batchEmbedContents: return "embedContent"
        case .predict: return "predict"
        }
    }

    var scope: RequestTreatment.Scope {
        self == .countTokens ? .counting : .generation
    }
}

/// A native path after the version prefix (`models`, `models/{m}`, `models/{m}:{action}`).
enum NativeEndpoint: Sendable {
    case listModels
    case getModel(String)
    case modelAction(model: String, action: ModelAction)

    /// Nil when the path or the method is not one the API has (Google answers with an HTML 404).
    init?(path: Substring, method: HTTPRequest.Method) {
        if path == "models" {
            guard method == .get else { return nil }
            self = .listModels
            return
        }
        guard path.hasPrefix("models/") else { return nil }
        let name = path.dropFirst("models/".count)
        guard !name.isEmpty, !name.contains("/") else { return nil }
        if let colon = name.lastIndex(of: ":") {
            guard method == .post, let action = ModelAction(rawValue: String(name[name.index(after: colon)...])) else {
                return nil
            }
            self = .modelAction(model: String(name[..<colon]), action: action)
        } else {
            guard method == .get else { return nil }
            self = .getModel(String(name))
        }
    }

    var modelID: String? {
        switch self {
        case .listModels: return nil
        case .getModel(let id), .modelAction(let id, _): return id
        }
    }

    var actionName: String {
        switch self {
        case .listModels: return "listModels"
        case .getModel: return "getModel"
        case .modelAction(_, let action): return action.rawValue
        }
    }

    var scope: RequestTreatment.Scope {
        switch self {
        case .listModels, .getModel: return .listing
        case .modelAction(_, let action): return action.scope
        }
    }

    /// The RPC behind the path, as Google names it in error metadata.
    var rpcMethod: String {
        switch self {
        case .listModels: return "ModelService.ListModels"
        case .getModel: return "ModelService.GetModel"
        case .modelAction(_, .predict): return "PredictionService.Predict"
        case .modelAction(_, let action):
            return "GenerativeService." + action.rawValue.prefix(1).uppercased() + action.rawValue.dropFirst()
        }
    }

    /// Streams deliver errors differently (wire reference §4.2).
    func errorDelivery(query: [String: String]) -> ErrorDelivery {
        guard case .modelAction(_, .streamGenerateContent) = self else { return .json }
        return query["alt"] == "sse" ? .eventStream : .arrayWrapped
    }
}
