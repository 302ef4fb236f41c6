import Foundation

/// `GET models` pages: `pageSize` (default 50, at most 1000) and an opaque `pageToken`.
///
/// Tokens look like Google's (`Ch5tb2RlbHMv…`): base64 of a small protobuf whose field 1 is the
/// name of the first model of the next page. `nextPageToken` is omitted on the last page.
enum ModelListing {
    static let defaultPageSize = 50
    static let maximumPageSize = 1000

    /// The page as a pretty body, or nil when the token is not one the fake issued.
    static func page(pageSize requested: Int?, pageToken: String?) -> OrderedJSON? {
        // Google treats a missing or non-positive size as the default and caps large ones.
        let pageSize = min((requested ?? 0) > 0 ? requested! : defaultPageSize, maximumPageSize)
        var start = 0
        if let pageToken, !pageToken.isEmpty {
            guard let name = decodeToken(pageToken),
                let index = ModelCatalog.all.firstIndex(where: { $0.name == name })
            else { return nil }
            start = index
        }
        let end = min(start + pageSize, ModelCatalog.all.count)
        var body: OrderedJSON = ["models": .array(ModelCatalog.all[start..<end].map(\.document))]
        if end < ModelCatalog.all.count {
            body.append("nextPageToken", .string(encodeToken(ModelCatalog.all[end].name)))
        }
        return body
    }

    static func encodeToken(_ modelName: String) -> String {
        let bytes = [UInt8(0x0A), UInt8(modelName.utf8.count)] + Array(modelName.utf8)
        return Data(bytes).base64EncodedString()
    }

    static func decodeToken(_ token: String) -> String? {
        // A client that did not URL-encode the token turned "+" into a space.
        let repaired = token.replacingOccurrences(of: " ", with: "+")
        guard let data = Data(base64Encoded: repaired), data.count > 2, data[data.startIndex] == 0x0A,
            Int(data[data.startIndex + 1]) == data.count - 2
        else { return nil }
        return String(decoding: data.dropFirst(2), as: UTF8.self)
    }
}
