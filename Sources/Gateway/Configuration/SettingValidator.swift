import Foundation

/// Checks a value against its setting's rules before anything is saved or applied.
public struct SettingValidator: Sendable {
    /// The strategy names the launcher registered (the core does not know them itself).
    public let strategyNames: [String]

    public init(strategyNames: [String]) {
        self.strategyNames = strategyNames
    }

    /// A problem with a value, named so the panel can highlight the field.
    public struct Problem: Error, Sendable, Equatable {
        public let setting: String
        public let message: LocalizedText
    }

    public func validate(_ value: SettingValue, for definition: SettingDefinition) -> Problem? {
        func problem(_ en: String, _ zh: String) -> Problem {
            Problem(setting: definition.name, message: LocalizedText(en: en, zh: zh))
        }
        switch (definition.kind, value) {
        case (.integer(let range), .integer(let number)):
            if !range.contains(number) {
                return problem(
                    "\(definition.name) must be between \(range.lowerBound) and \(range.upperBound).",
                    "\(definition.name) 必须在 \(range.lowerBound) 到 \(range.upperBound) 之间。")
            }
        case (.number(let range), .number(let number)):
            if !range.contains(number) {
                return problem(
                    "\(definition.name) must be between \(range.lowerBound) and \(range.upperBound).",
                    "\(definition.name) 必须在 \(range.lowerBound) 到 \(range.upperBound) 之间。")
            }
        case (.choice(let choices), .text(let text)):
            if !choices.contains(where: { $0.caseInsensitiveCompare(text) == .orderedSame }) {
                return problem(
                    "\(definition.name) must be one of: \(choices.joined(separator: ", ")).",
                    "\(definition.name) 只能是以下之一：\(choices.joined(separator: ", "))。")
            }
        case (.text, .text), (.boolean, .boolean), (.list, .list), (.map, .map), (.numberMap, .numberMap),
            (.json, .json):
            break
        default:
            return problem("\(definition.name) has the wrong type.", "\(definition.name) 的类型不正确。")
        }
        return specificProblem(value, definition: definition).map { problem($0.en, $0.zh) }
    }

    /// Rules that belong to one setting rather than to its type.
    private func specificProblem(_ value: SettingValue, definition: SettingDefinition) -> LocalizedText? {
        switch definition.name {
        case SettingCatalog.baseURL.name:
            let text = value.text ?? ""
            guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme),
                url.host != nil
            else {
                return LocalizedText(
                    en: "BASE_URL must be an http(s) URL such as https://generativelanguage.googleapis.com/v1beta.",
                    zh: "BASE_URL 必须是 http(s) 地址，例如 https://generativelanguage.googleapis.com/v1beta。")
            }
        case SettingCatalog.proxiesList.name:
            for proxy in value.list ?? [] where ProxyAddress(proxy) == nil {
                if let reason = ProxyAddress.unsupported(proxy) { return reason }
                return LocalizedText(
                    en: "“\(Secret.mask(proxy))” is not a proxy address; use http://host:port or socks5://host:port.",
                    zh: "“\(Secret.mask(proxy))” 不是有效的代理地址，请使用 http://主机:端口 或 socks5://主机:端口。")
            }
        case SettingCatalog.balanceStrategy.name:
            let name = value.text ?? ""
            if !strategyNames.contains(name) {
                return LocalizedText(
                    en: "BALANCE_STRATEGY must be one of: \(strategyNames.joined(separator: ", ")).",
                    zh: "BALANCE_STRATEGY 只能是以下之一：\(strategyNames.joined(separator: ", "))。")
            }
        case SettingCatalog.timezone.name:
            if TimeZone(identifier: value.text ?? "") == nil {
                return LocalizedText(
                    en: "TIMEZONE must be a time zone name such as Asia/Shanghai.",
                    zh: "TIMEZONE 必须是时区名称，例如 Asia/Shanghai。")
            }
        case SettingCatalog.safetySettings.name:
            let entries = value.json?.arrayValue
            let wellFormed = entries?.allSatisfy { $0["category"]?.stringValue != nil && $0["threshold"]?.stringValue != nil }
            if wellFormed != true {
                return LocalizedText(
                    en: "SAFETY_SETTINGS must be a list of {\"category\": …, \"threshold\": …} objects.",
                    zh: "SAFETY_SETTINGS 必须是 {\"category\": …, \"threshold\": …} 对象组成的列表。")
            }
        case SettingCatalog.customHeaders.name:
            for name in (value.map ?? [:]).keys where !Self.isHeaderName(name) {
                return LocalizedText(
                    en: "“\(name)” is not a valid header name.", zh: "“\(name)” 不是有效的请求头名称。")
            }
        case SettingCatalog.keyWeights.name:
            if (value.numberMap ?? [:]).values.contains(where: { $0 < 0 || $0 > 1000 }) {
                return LocalizedText(
                    en: "Key weights must be between 0 and 1000.", zh: "密钥权重必须在 0 到 1000 之间。")
            }
        default:
            break
        }
        return nil
    }

    private static func isHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "-_!#$%&'*+.^`|~".unicodeScalars.contains(scalar)
        }
    }
}
