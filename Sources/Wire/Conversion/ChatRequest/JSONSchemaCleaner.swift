import Foundation

/// Prepares client JSON Schemas for Gemini's `parametersJsonSchema` and `responseJsonSchema`,
/// which take real JSON Schema. Only what Gemini refuses is changed; property names are never
/// touched (gemini-balance's cleaner deleted properties literally named `examples` or `not`).
enum JSONSchemaCleaner {
    /// Keywords removed from every schema node: OpenAI's `strict` flag and the `$schema` dialect
    /// marker.
    static let strippedKeywords: Set<String> = ["strict", "$schema"]

    /// Keywords whose value is a map of name → schema.
    static let schemaMapKeywords: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]
    /// Keywords whose value is a list of schemas.
    static let schemaListKeywords: Set<String> = ["anyOf", "oneOf", "allOf", "prefixItems"]
    /// Keywords whose value is one schema (or, for `items`, a list in older drafts).
    static let schemaKeywords: Set<String> = [
        "items", "not", "additionalProperties", "if", "then", "else", "contains", "propertyNames",
        "unevaluatedProperties", "unevaluatedItems", "additionalItems",
    ]

    /// The schema without `strict` and `$schema` at any level.
    static func cleaned(_ schema: JSONValue) -> JSONValue {
        mapNodes(schema) { $0.removingKeys(strippedKeywords) }
    }

    /// Applies `transform` to every schema node, children first.
    static func mapNodes(_ schema: JSONValue, _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard case .object(var node) = schema else { return schema }
        for (keyword, value) in node {
            if schemaMapKeywords.contains(keyword), case .object(let members) = value {
                node[keyword] = .object(members.mapValues { mapNodes($0, transform) })
            } else if schemaListKeywords.contains(keyword), case .array(let list) = value {
                node[keyword] = .array(list.map { mapNodes($0, transform) })
            } else if schemaKeywords.contains(keyword) {
                if case .array(let list) = value {
                    node[keyword] = .array(list.map { mapNodes($0, transform) })
                } else {
                    node[keyword] = mapNodes(value, transform)
                }
            }
        }
        return transform(.object(node))
    }

    /// At most this many schema nodes are produced by inlining. Each `$ref` copies its target,
    /// so definitions that each refer twice to the next grow as 2ⁿ (n = 18 took seconds and
    /// megabytes); past the budget the schema is sent with its `$defs` instead.
    static let inliningNodeBudget = 10_000

    /// Replaces local `$ref`s (`#/$defs/X`, `#/definitions/X`) with the schemas they name and
    /// drops the definitions. A `$ref` with sibling keywords keeps them (they refine the target).
    /// A recursive or external reference cannot be inlined, nor a schema that would grow past
    /// `inliningNodeBudget`; the schema is then returned as it was, and Gemini, which
    /// understands `$ref` and `$defs` in `responseJsonSchema`, resolves it itself.
    static func inliningReferences(_ schema: JSONValue) -> JSONValue {
        guard case .object(let root) = schema, containsReference(schema) else { return schema }
        var definitions: [String: JSONValue] = [:]
        for keyword in ["definitions", "$defs"] {
            for (name, value) in root[keyword]?.objectValue ?? [:] {
                definitions["#/\(keyword)/\(name)"] = value
            }
        }
        var resolver = ReferenceResolver(definitions: definitions, nodeBudget: inliningNodeBudget)
        guard let inlined = resolver.resolve(schema) else { return schema }
        return inlined.removingKeys(["$defs", "definitions"])
    }

    private static func containsReference(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object):
            return object["$ref"] != nil || object.values.contains(where: containsReference)
        case .array(let list):
            return list.contains(where: containsReference)
        default:
            return false
        }
    }

    private struct ReferenceResolver {
        let definitions: [String: JSONValue]
        var expanding: [String] = []
        /// Schema nodes that may still be produced; inlining gives up when it runs out.
        var nodeBudget: Int

        init(definitions: [String: JSONValue], nodeBudget: Int) {
            self.definitions = definitions
            self.nodeBudget = nodeBudget
        }

        /// nil when a reference is recursive or unknown, or the budget ran out.
        mutating func resolve(_ schema: JSONValue) -> JSONValue? {
            guard case .object(var node) = schema else { return schema }
            nodeBudget -= 1
            guard nodeBudget >= 0 else { return nil }
            if let reference = node["$ref"]?.stringValue {
                let key = Self.unescape(reference)
                guard let target = definitions[key], !expanding.contains(key) else { return nil }
                expanding.append(key)
                defer { expanding.removeLast() }
                guard case .object(var resolved)? = resolve(target) else { return nil }
                node.removeValue(forKey: "$ref")
                for (keyword, value) in node {
                    guard let child = resolveChildren(keyword: keyword, value: value) else { return nil }
                    resolved[keyword] = child
                }
                return .object(resolved)
            }
            for (keyword, value) in node where keyword != "$defs" && keyword != "definitions" {
                guard let child = resolveChildren(keyword: keyword, value: value) else { return nil }
                node[keyword] = child
            }
            return .object(node)
        }

        private mutating func resolveChildren(keyword: String, value: JSONValue) -> JSONValue? {
            if JSONSchemaCleaner.schemaMapKeywords.contains(keyword), case .object(let members) = value {
                var result: [String: JSONValue] = [:]
                for (name, member) in members {
                    guard let resolved = resolve(member) else { return nil }
                    result[name] = resolved
                }
                return .object(result)
            }
            if JSONSchemaCleaner.schemaListKeywords.contains(keyword) || JSONSchemaCleaner.schemaKeywords.contains(keyword) {
                if case .array(let list) = value {
                    var result: [JSONValue] = []
                    for member in list {
                        guard let resolved = resolve(member) else { return nil }
                        result.append(resolved)
                    }
                    return .array(result)
                }
                return resolve(value)
            }
            return value
        }

        /// JSON Pointer escapes in a reference: `~1` is `/`, `~0` is `~`.
        static func unescape(_ reference: String) -> String {
            guard reference.contains("~") else { return reference }
            let parts = reference.split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            return parts.joined(separator: "/")
        }
    }
}
