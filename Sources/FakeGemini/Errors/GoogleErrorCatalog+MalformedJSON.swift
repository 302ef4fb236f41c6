import Foundation
import Wire

extension GoogleErrorCatalog {
    /// 400 for a body that is not JSON, pointing at the offending byte as Google's parser does.
    static func malformedJSON(_ error: JSONParseError, body: String) -> GoogleError {
        let characters = Array(body.utf8)
        let start = max(0, error.offset - 40)
        let end = min(characters.count, error.offset + 20)
        let excerpt = String(decoding: characters[start..<end], as: UTF8.self)
            .replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
        let caret = String(repeating: " ", count: error.offset - start) + "^"
        let reason = googleWording(of: error.problem)
        return invalidPayload("Invalid JSON payload received. \(reason).\n\(excerpt)\n\(caret)", field: nil)
    }

    /// Wire's parse problems in the words of Google's JSON parser (protobuf's stream parser), which
    /// clients see in the message; Wire's own wording is its own.
    private static func googleWording(of problem: JSONParseError.Problem) -> String {
        switch problem {
        case .unexpectedEndOfInput, .unterminatedString: "Unexpected end of string"
        case .unexpectedCharacter, .invalidLiteral, .invalidNumber, .dataAfterValue: "Unexpected token"
        case .expectedStringKey: "Expected an object key or }"
        case .expectedColon: "Expected : after key"
        case .expectedCommaOrObjectEnd: "Expected , or } after key:value pair"
        case .expectedCommaOrArrayEnd: "Expected , or ] after list value"
        case .controlCharacterInString: "Invalid control character in string"
        case .invalidEscape, .invalidUnicodeEscape: "Invalid escape"
        case .nestingTooDeep: "Message too deeply nested"
        }
    }
}
