/// The groups of the settings page, in the order the page shows them.
public enum SettingGroup: String, Sendable, CaseIterable {
    case apiAndKeys = "api"
    case models
    case thinkingAndSafety = "thinking"
    case streaming
    case imagesAndSpeech = "media"
    case proxies
    case logs
    case strategy
    case admin

    public var title: LocalizedText {
        switch self {
        case .apiAndKeys: LocalizedText(en: "API and keys", zh: "API 与密钥")
        case .models: LocalizedText(en: "Models", zh: "模型")
        case .thinkingAndSafety: LocalizedText(en: "Thinking and safety", zh: "思考与安全")
        case .streaming: LocalizedText(en: "Streaming", zh: "流式输出")
        case .imagesAndSpeech: LocalizedText(en: "Images and speech", zh: "图像与语音")
        case .proxies: LocalizedText(en: "Proxies", zh: "代理")
        case .logs: LocalizedText(en: "Logs and retention", zh: "日志与保留")
        case .strategy: LocalizedText(en: "Key strategy", zh: "密钥调度策略")
        case .admin: LocalizedText(en: "Admin", zh: "管理")
        }
    }
}
