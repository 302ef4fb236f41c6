import Wire
/// The settings Gemgate understands: gemini-balance's names and defaults, plus Gemgate's own.
///
/// Every setting here lives in `t_settings` (seeded from the environment on first boot, the
/// database wins afterwards). Settings that only make sense before the database is open
/// (`DATABASE_TYPE`, `PORT`, …) are in `LaunchEnvironment` instead.
public enum SettingCatalog {
    public static let all: [SettingDefinition] = apiAndKeys + models + thinkingAndSafety + streaming
        + imagesAndSpeech + proxies + logs + strategy + admin

    public static let byName: [String: SettingDefinition] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name, $0) }
    )

    public static func definition(_ name: String) -> SettingDefinition? { byName[name] }

    // MARK: API and keys

    public static let apiKeys = SettingDefinition(
        "API_KEYS", .list, default: .list([]), group: .apiAndKeys, secret: true,
        label: LocalizedText(en: "Gemini API keys", zh: "Gemini API 密钥"))
    public static let allowedTokens = SettingDefinition(
        "ALLOWED_TOKENS", .list, default: .list([]), group: .apiAndKeys, secret: true,
        label: LocalizedText(en: "Access tokens for clients", zh: "客户端访问令牌"))
    public static let authToken = SettingDefinition(
        "AUTH_TOKEN", .text, default: .text(""), group: .apiAndKeys, secret: true,
        label: LocalizedText(en: "Admin token (panel password and super token)", zh: "管理员令牌（面板密码兼超级令牌）"))
    public static let baseURL = SettingDefinition(
        "BASE_URL", .text, default: .text("https://generativelanguage.googleapis.com/v1beta"), group: .apiAndKeys,
        label: LocalizedText(en: "Upstream base URL", zh: "上游 API 地址"))
    // A secret: it usually carries the Authorization of a proxy in front of Google.
    public static let customHeaders = SettingDefinition(
        "CUSTOM_HEADERS", .map, default: .map([:]), group: .apiAndKeys, secret: true,
        label: LocalizedText(en: "Extra headers sent upstream", zh: "发往上游的自定义请求头"))
    public static let maxFailures = SettingDefinition(
        "MAX_FAILURES", .integer(1...1000), default: .integer(3), group: .apiAndKeys,
        label: LocalizedText(en: "Failures before a key is benched", zh: "密钥被停用前允许的连续失败次数"))
    public static let maxRetries = SettingDefinition(
        "MAX_RETRIES", .integer(1...20), default: .integer(3), group: .apiAndKeys,
        label: LocalizedText(en: "Attempts per request (each on another key)", zh: "每个请求的最大尝试次数（每次换一个密钥）"))
    public static let timeout = SettingDefinition(
        "TIME_OUT", .integer(1...3600), default: .integer(300), group: .apiAndKeys,
        label: LocalizedText(en: "Upstream timeout (seconds)", zh: "上游超时（秒）"))
    public static let checkIntervalHours = SettingDefinition(
        "CHECK_INTERVAL_HOURS", .integer(0...720), default: .integer(1), group: .apiAndKeys,
        label: LocalizedText(en: "Re-check benched keys every (hours, 0 = never)", zh: "失效密钥复查间隔（小时，0 表示不复查）"))
    public static let testModel = SettingDefinition(
        "TEST_MODEL", .text, default: .text("gemini-2.5-flash-lite"), group: .apiAndKeys,
        label: LocalizedText(en: "Model used to verify keys", zh: "验证密钥所用模型"))
    public static let vertexAPIKeys = SettingDefinition(
        "VERTEX_API_KEYS", .list, default: .list([]), group: .apiAndKeys, secret: true,
        label: LocalizedText(en: "Vertex Express keys", zh: "Vertex Express 密钥"))
    public static let vertexBaseURL = SettingDefinition(
        "VERTEX_EXPRESS_BASE_URL", .text,
        default: .text("https://aiplatform.googleapis.com/v1beta1/publishers/google"), group: .apiAndKeys,
        label: LocalizedText(en: "Vertex Express base URL", zh: "Vertex Express 地址"))
    public static let urlNormalization = SettingDefinition(
        "URL_NORMALIZATION_ENABLED", .boolean, default: .boolean(false), group: .apiAndKeys,
        label: LocalizedText(en: "Normalise unusual client URLs", zh: "规范化客户端的非标准 URL"))
    public static let maxRequestBodyMB = SettingDefinition(
        "MAX_REQUEST_BODY_MB", .integer(1...200), default: .integer(32), group: .apiAndKeys,
        label: LocalizedText(en: "Largest request body accepted (MB)", zh: "允许的最大请求体（MB）"))

    static let apiAndKeys = [
        apiKeys, allowedTokens, authToken, baseURL, customHeaders, maxFailures, maxRetries, timeout,
        checkIntervalHours, testModel, vertexAPIKeys, vertexBaseURL, urlNormalization, maxRequestBodyMB,
    ]

    // MARK: Models

    public static let searchModels = SettingDefinition(
        "SEARCH_MODELS", .list, default: .list(["gemini-2.5-flash", "gemini-2.5-pro"]), group: .models,
        label: LocalizedText(en: "Models offered with a -search variant", zh: "提供 -search 联网版本的模型"))
    public static let imageModels = SettingDefinition(
        "IMAGE_MODELS", .list, default: .list(["gemini-2.0-flash-exp", "gemini-2.5-flash-image-preview"]),
        group: .models,
        label: LocalizedText(en: "Models offered with an -image variant", zh: "提供 -image 出图版本的模型"))
    public static let filteredModels = SettingDefinition(
        "FILTERED_MODELS", .list,
        default: .list([
            "gemini-1.0-pro-vision-latest", "gemini-pro-vision", "chat-bison-001", "text-bison-001",
            "embedding-gecko-001",
        ]),
        group: .models,
        label: LocalizedText(en: "Models hidden and refused", zh: "隐藏并拒绝的模型"))
    public static let codeExecution = SettingDefinition(
        "TOOLS_CODE_EXECUTION_ENABLED", .boolean, default: .boolean(false), group: .models,
        label: LocalizedText(en: "Add the code-execution tool", zh: "启用代码执行工具"))
    public static let urlContextEnabled = SettingDefinition(
        "URL_CONTEXT_ENABLED", .boolean, default: .boolean(false), group: .models,
        label: LocalizedText(en: "Add the URL-context tool", zh: "启用网址上下文工具"))
    public static let urlContextModels = SettingDefinition(
        "URL_CONTEXT_MODELS", .list,
        default: .list([
            "gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash",
            "gemini-2.0-flash-live-001",
        ]),
        group: .models,
        label: LocalizedText(en: "Models that get the URL-context tool", zh: "使用网址上下文工具的模型"))
    public static let showSearchLink = SettingDefinition(
        "SHOW_SEARCH_LINK", .boolean, default: .boolean(true), group: .models,
        label: LocalizedText(en: "Append search sources to answers", zh: "在回答后附上搜索来源"))

    static let models = [
        searchModels, imageModels, filteredModels, codeExecution, urlContextEnabled, urlContextModels, showSearchLink,
    ]

    // MARK: Thinking and safety

    public static let showThinking = SettingDefinition(
        "SHOW_THINKING_PROCESS", .boolean, default: .boolean(true), group: .thinkingAndSafety,
        label: LocalizedText(en: "Show the model's thinking", zh: "显示思考过程"))
    public static let thinkingModels = SettingDefinition(
        "THINKING_MODELS", .list, default: .list([]), group: .thinkingAndSafety,
        label: LocalizedText(en: "Models offered with a -non-thinking variant", zh: "提供 -non-thinking 版本的模型"))
    public static let thinkingBudgetMap = SettingDefinition(
        "THINKING_BUDGET_MAP", .numberMap, default: .numberMap([:]), group: .thinkingAndSafety,
        label: LocalizedText(en: "Thinking budget per model", zh: "各模型的思考预算"))
    public static let safetySettings = SettingDefinition(
        "SAFETY_SETTINGS", .json,
        default: .json(.array([
            safety("HARM_CATEGORY_HARASSMENT", "OFF"),
            safety("HARM_CATEGORY_HATE_SPEECH", "OFF"),
            safety("HARM_CATEGORY_SEXUALLY_EXPLICIT", "OFF"),
            safety("HARM_CATEGORY_DANGEROUS_CONTENT", "OFF"),
            safety("HARM_CATEGORY_CIVIC_INTEGRITY", "BLOCK_NONE"),
        ])),
        group: .thinkingAndSafety,
        label: LocalizedText(en: "Safety settings added when a client sets none", zh: "客户端未设置时使用的安全设置"))

    static let thinkingAndSafety = [showThinking, thinkingModels, thinkingBudgetMap, safetySettings]

    private static func safety(_ category: String, _ threshold: String) -> JSONValue {
        .object(["category": .string(category), "threshold": .string(threshold)])
    }

    // MARK: Streaming

    public static let fakeStream = SettingDefinition(
        "FAKE_STREAM_ENABLED", .boolean, default: .boolean(false), group: .streaming,
        label: LocalizedText(en: "Fake streaming (call upstream without streaming)", zh: "假流式（上游使用非流式调用）"))
    public static let fakeStreamInterval = SettingDefinition(
        "FAKE_STREAM_EMPTY_DATA_INTERVAL_SECONDS", .integer(1...120), default: .integer(5), group: .streaming,
        label: LocalizedText(en: "Fake-stream keep-alive interval (seconds)", zh: "假流式保活间隔（秒）"))
    public static let streamKeepAliveSeconds = SettingDefinition(
        "STREAM_KEEPALIVE_SECONDS", .integer(1...90), default: .integer(15), group: .streaming,
        label: LocalizedText(
            en: "Send headers and keep-alives when the first token takes longer than (seconds)",
            zh: "首个字符迟迟未到时，多少秒后先发送响应头并保活（秒）"))
    public static let streamOptimizer = SettingDefinition(
        "STREAM_OPTIMIZER_ENABLED", .boolean, default: .boolean(false), group: .streaming,
        label: LocalizedText(en: "Stream optimizer (kept for compatibility; off)", zh: "流式优化器（为兼容保留）"))
    public static let streamMinDelay = SettingDefinition(
        "STREAM_MIN_DELAY", .number(0...10), default: .number(0.016), group: .streaming,
        label: LocalizedText(en: "Stream optimizer minimum delay", zh: "流式优化最小延迟"))
    public static let streamMaxDelay = SettingDefinition(
        "STREAM_MAX_DELAY", .number(0...10), default: .number(0.024), group: .streaming,
        label: LocalizedText(en: "Stream optimizer maximum delay", zh: "流式优化最大延迟"))
    public static let streamShortThreshold = SettingDefinition(
        "STREAM_SHORT_TEXT_THRESHOLD", .integer(0...100_000), default: .integer(10), group: .streaming,
        label: LocalizedText(en: "Stream optimizer short-text threshold", zh: "流式优化短文本阈值"))
    public static let streamLongThreshold = SettingDefinition(
        "STREAM_LONG_TEXT_THRESHOLD", .integer(0...100_000), default: .integer(50), group: .streaming,
        label: LocalizedText(en: "Stream optimizer long-text threshold", zh: "流式优化长文本阈值"))
    public static let streamChunkSize = SettingDefinition(
        "STREAM_CHUNK_SIZE", .integer(1...100_000), default: .integer(5), group: .streaming,
        label: LocalizedText(en: "Stream optimizer chunk size", zh: "流式优化分块大小"))

    static let streaming = [
        fakeStream, fakeStreamInterval, streamKeepAliveSeconds, streamOptimizer, streamMinDelay, streamMaxDelay,
        streamShortThreshold, streamLongThreshold, streamChunkSize,
    ]

    // MARK: Images and speech

    public static let paidKey = SettingDefinition(
        "PAID_KEY", .text, default: .text(""), group: .imagesAndSpeech, secret: true,
        label: LocalizedText(en: "Paid key for image generation", zh: "用于生成图片的付费密钥"))
    public static let createImageModel = SettingDefinition(
        "CREATE_IMAGE_MODEL", .text, default: .text("imagen-3.0-generate-002"), group: .imagesAndSpeech,
        label: LocalizedText(en: "Image generation model", zh: "图片生成模型"))
    public static let ttsModel = SettingDefinition(
        "TTS_MODEL", .text, default: .text("gemini-2.5-flash-preview-tts"), group: .imagesAndSpeech,
        label: LocalizedText(en: "Speech model", zh: "语音合成模型"))
    public static let ttsVoice = SettingDefinition(
        "TTS_VOICE_NAME", .text, default: .text("Zephyr"), group: .imagesAndSpeech,
        label: LocalizedText(en: "Default voice", zh: "默认音色"))
    public static let ttsSpeed = SettingDefinition(
        "TTS_SPEED", .choice(["slow", "normal", "fast"]), default: .text("normal"), group: .imagesAndSpeech,
        label: LocalizedText(en: "Speech speed", zh: "语速"))
    public static let uploadProvider = SettingDefinition(
        "UPLOAD_PROVIDER", .text, default: .text("smms"), group: .imagesAndSpeech,
        label: LocalizedText(en: "Image host (kept for compatibility)", zh: "图床（为兼容保留）"))
    public static let smmsToken = SettingDefinition(
        "SMMS_SECRET_TOKEN", .text, default: .text(""), group: .imagesAndSpeech, secret: true,
        label: LocalizedText(en: "SM.MS token", zh: "SM.MS 令牌"))
    public static let picgoKey = SettingDefinition(
        "PICGO_API_KEY", .text, default: .text(""), group: .imagesAndSpeech, secret: true,
        label: LocalizedText(en: "PicGo API key", zh: "PicGo API 密钥"))
    public static let picgoURL = SettingDefinition(
        "PICGO_API_URL", .text, default: .text("https://www.picgo.net/api/1/upload"), group: .imagesAndSpeech,
        label: LocalizedText(en: "PicGo API URL", zh: "PicGo API 地址"))
    public static let cloudflareImgbedURL = SettingDefinition(
        "CLOUDFLARE_IMGBED_URL", .text, default: .text(""), group: .imagesAndSpeech,
        label: LocalizedText(en: "CloudFlare ImgBed URL", zh: "CloudFlare 图床地址"))
    public static let cloudflareImgbedAuth = SettingDefinition(
        "CLOUDFLARE_IMGBED_AUTH_CODE", .text, default: .text(""), group: .imagesAndSpeech, secret: true,
        label: LocalizedText(en: "CloudFlare ImgBed auth code", zh: "CloudFlare 图床认证码"))
    public static let cloudflareImgbedFolder = SettingDefinition(
        "CLOUDFLARE_IMGBED_UPLOAD_FOLDER", .text, default: .text(""), group: .imagesAndSpeech,
        label: LocalizedText(en: "CloudFlare ImgBed folder", zh: "CloudFlare 图床目录"))

    static let imagesAndSpeech = [
        paidKey, createImageModel, ttsModel, ttsVoice, ttsSpeed, uploadProvider, smmsToken, picgoKey, picgoURL,
        cloudflareImgbedURL, cloudflareImgbedAuth, cloudflareImgbedFolder,
    ]

    // MARK: Proxies

    public static let proxiesList = SettingDefinition(
        "PROXIES", .list, default: .list([]), group: .proxies, secret: true,
        label: LocalizedText(en: "Proxies (http:// or socks5://)", zh: "代理（http:// 或 socks5://）"))
    public static let proxiesConsistentHash = SettingDefinition(
        "PROXIES_USE_CONSISTENCY_HASH_BY_API_KEY", .boolean, default: .boolean(true), group: .proxies,
        label: LocalizedText(en: "Keep each key on the same proxy", zh: "每个密钥固定使用同一个代理"))

    static let proxies = [proxiesList, proxiesConsistentHash]

    // MARK: Logs and retention

    public static let logLevel = SettingDefinition(
        "LOG_LEVEL", .choice(["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]), default: .text("INFO"),
        group: .logs, label: LocalizedText(en: "Log level", zh: "日志级别"))
    public static let recordRequestBody = SettingDefinition(
        "ERROR_LOG_RECORD_REQUEST_BODY", .boolean, default: .boolean(false), group: .logs,
        label: LocalizedText(en: "Keep the request body in error logs", zh: "错误日志记录请求体"))
    public static let autoDeleteErrorLogs = SettingDefinition(
        "AUTO_DELETE_ERROR_LOGS_ENABLED", .boolean, default: .boolean(true), group: .logs,
        label: LocalizedText(en: "Delete old error logs", zh: "自动删除旧错误日志"))
    public static let autoDeleteErrorLogsDays = SettingDefinition(
        "AUTO_DELETE_ERROR_LOGS_DAYS", .integer(1...3650), default: .integer(7), group: .logs,
        label: LocalizedText(en: "Keep error logs for (days)", zh: "错误日志保留天数"))
    public static let autoDeleteRequestLogs = SettingDefinition(
        "AUTO_DELETE_REQUEST_LOGS_ENABLED", .boolean, default: .boolean(false), group: .logs,
        label: LocalizedText(en: "Delete old request logs", zh: "自动删除旧请求日志"))
    public static let autoDeleteRequestLogsDays = SettingDefinition(
        "AUTO_DELETE_REQUEST_LOGS_DAYS", .integer(1...3650), default: .integer(30), group: .logs,
        label: LocalizedText(en: "Keep request logs for (days)", zh: "请求日志保留天数"))
    public static let timezone = SettingDefinition(
        "TIMEZONE", .text, default: .text("Asia/Shanghai"), group: .logs,
        label: LocalizedText(en: "Time zone the panel shows times in", zh: "面板显示时间所用的时区"))

    static let logs = [
        logLevel, recordRequestBody, autoDeleteErrorLogs, autoDeleteErrorLogsDays, autoDeleteRequestLogs,
        autoDeleteRequestLogsDays, timezone,
    ]

    // MARK: Strategy

    public static let balanceStrategy = SettingDefinition(
        "BALANCE_STRATEGY", .text, default: .text("round_robin"), group: .strategy,
        label: LocalizedText(en: "How the next key is chosen", zh: "选择下一个密钥的方式"))
    public static let keyWeights = SettingDefinition(
        "KEY_WEIGHTS", .numberMap, default: .numberMap([:]), group: .strategy, secret: true,
        label: LocalizedText(en: "Key weights for the weighted strategy (key → weight, default 1)",
                             zh: "加权策略的密钥权重（密钥 → 权重，默认 1）"))

    static let strategy = [balanceStrategy, keyWeights]

    // MARK: Admin

    public static let adminSessionExpire = SettingDefinition(
        "ADMIN_SESSION_EXPIRE", .integer(300...86400), default: .integer(3600), group: .admin,
        label: LocalizedText(en: "Admin session lifetime (seconds)", zh: "管理会话有效期（秒）"))
    public static let trustedProxies = SettingDefinition(
        "TRUSTED_PROXIES", .list, default: .list([]), group: .admin,
        label: LocalizedText(
            en: "Reverse proxies whose client-address headers are trusted (IP or CIDR)",
            zh: "可信反向代理（IP 或 CIDR），仅信任它们传来的客户端地址"))

    static let admin = [adminSessionExpire, trustedProxies]
}
