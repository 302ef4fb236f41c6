import Foundation
@testable import Gateway
import Testing
import Wire

@Suite struct SettingCodecTests {
    @Test func readsGeminiBalanceValues() throws {
        #expect(try SettingCodec.decode(#"["AIzaSyA-key-one", "AIzaSyB-key-two"]"#, as: SettingCatalog.apiKeys) == .list(["AIzaSyA-key-one", "AIzaSyB-key-two"]))
        #expect(try SettingCodec.decode("a, b,,c", as: SettingCatalog.apiKeys) == .list(["a", "b", "c"]))
        #expect(try SettingCodec.decode(#"[""]"#, as: SettingCatalog.allowedTokens) == .list([]))
        #expect(try SettingCodec.decode("true", as: SettingCatalog.showThinking) == .boolean(true))
        #expect(try SettingCodec.decode("3", as: SettingCatalog.maxFailures) == .integer(3))
        #expect(try SettingCodec.decode("{'gemini-2.5-flash': -1}", as: SettingCatalog.thinkingBudgetMap) == .numberMap(["gemini-2.5-flash": -1]))
        #expect(throws: SettingCodec.ParseProblem.self) { try SettingCodec.decode("abc", as: SettingCatalog.maxRetries) }
    }

    @Test func writesAsGeminiBalanceDoes() {
        #expect(SettingCodec.encode(.list(["a", "中文"])) == #"["a", "中文"]"#)
        #expect(SettingCodec.encode(.boolean(false)) == "false")
        #expect(SettingCodec.encode(.numberMap(["m": 1000])) == #"{"m": 1000.0}"#)
        #expect(SettingCodec.encode(.map(["X-说明": "中文"])) == #"{"X-说明": "中文"}"#)
    }

    /// Numbers from the environment or database are not range-checked by the panel; a huge one
    /// must not trap where it is turned into an integer.
    @Test func hugeNumbersBecomeNoIntegerInsteadOfATrap() throws {
        #expect(SettingValue.number(1e20).integer == nil)
        #expect(SettingValue.number(.infinity).integer == nil)
        #expect(SettingValue.number(42).integer == 42)
        let weights = try SettingCodec.decode(#"{"a": 1e20, "b": -3, "c": 2.6}"#, as: SettingCatalog.keyWeights)
        let settings = Settings(values: [SettingCatalog.keyWeights.name: weights])
        #expect(settings.keyWeights == ["a": 1_000, "b": 0, "c": 3])
    }

    @Test func everyDefaultRoundTrips() throws {
        for definition in SettingCatalog.all {
            let text = SettingCodec.encode(definition.defaultValue)
            let back = try SettingCodec.decode(text, as: definition)
            #expect(back == definition.defaultValue, "\(definition.name)")
        }
    }
}

@Suite struct SettingsBootstrapTests {
    let validator = SettingValidator(strategyNames: ["round_robin", "least_errors", "weighted"])

    @Test func placeholdersBootAndGenerateAnAdminToken() throws {
        let outcome = try SettingsBootstrap.resolve(
            stored: [:], environment: ["API_KEYS": #"[""]"#, "ALLOWED_TOKENS": #"[""]"#, "AUTH_TOKEN": ""],
            environmentWins: false, validator: validator)
        #expect(outcome.firstBoot)
        #expect(outcome.settings.apiKeys.isEmpty)
        let token = try #require(outcome.generatedAdminToken)
        #expect(token.count >= 32)
        #expect(outcome.toStore["AUTH_TOKEN"] == token)
        #expect(outcome.toStore["API_KEYS"] == "[]")
    }

    @Test func emptyAuthTokenMeansFirstAllowedToken() throws {
        let outcome = try SettingsBootstrap.resolve(
            stored: [:], environment: ["ALLOWED_TOKENS": #"["your-access-token-1","your-access-token-2"]"#],
            environmentWins: false, validator: validator)
        #expect(outcome.generatedAdminToken == nil)
        #expect(outcome.settings.authToken == "your-access-token-1")
    }

    @Test func databaseWinsAndDifferencesAreNamed() throws {
        let outcome = try SettingsBootstrap.resolve(
            stored: ["AUTH_TOKEN": "old", "MAX_FAILURES": "3"],
            environment: ["AUTH_TOKEN": "new", "MAX_FAILURES": "3"], environmentWins: false, validator: validator)
        #expect(outcome.settings.authToken == "old")
        #expect(outcome.ignoredEnvironment == ["AUTH_TOKEN"])
        #expect(outcome.toStore["AUTH_TOKEN"] == nil)
    }

    @Test func theSwitchLetsTheEnvironmentWin() throws {
        let outcome = try SettingsBootstrap.resolve(
            stored: ["AUTH_TOKEN": "old"], environment: ["AUTH_TOKEN": "new"], environmentWins: true, validator: validator)
        #expect(outcome.settings.authToken == "new")
        #expect(outcome.toStore["AUTH_TOKEN"] == "new")
        #expect(outcome.ignoredEnvironment.isEmpty)
    }

    @Test func unknownStrategyStopsStartup() {
        #expect(throws: SettingsBootstrap.InvalidEnvironment.self) {
            try SettingsBootstrap.resolve(
                stored: [:], environment: ["BALANCE_STRATEGY": "random"], environmentWins: false, validator: validator)
        }
    }

    @Test func unusableStoredValuesAreLeftAsTheyAre() throws {
        // gemini-balance accepts header names that HTTP does not; its value must survive.
        let outcome = try SettingsBootstrap.resolve(
            stored: ["CUSTOM_HEADERS": #"{"X-说明": "中文"}"#, "MAX_RETRIES": "abc", "AUTH_TOKEN": "t"],
            environment: [:], environmentWins: false, validator: validator)
        #expect(outcome.toStore["CUSTOM_HEADERS"] == nil)
        #expect(outcome.toStore["MAX_RETRIES"] == nil)
        #expect(outcome.settings.customHeaders.isEmpty)
        #expect(outcome.settings.maxRetries == 3)
        #expect(outcome.notices.count == 2)
    }

    @Test func emptyStoredAdminTokenIsRepaired() throws {
        // gemini-balance, started with the placeholders, stores an empty token and locks its owner out.
        let outcome = try SettingsBootstrap.resolve(
            stored: ["AUTH_TOKEN": "", "ALLOWED_TOKENS": "[]"], environment: [:], environmentWins: false, validator: validator)
        #expect(outcome.generatedAdminToken != nil)
    }

    @Test func proxiesTheClientCannotHonourAreRefusedWithTheReason() {
        let definition = SettingCatalog.proxiesList
        #expect(validator.validate(.list(["http://user:pw@10.0.0.2:3128", "socks5://10.0.0.3:1080"]), for: definition) == nil)
        let tls = validator.validate(.list(["https://10.0.0.2:3128"]), for: definition)
        #expect(tls?.message.en.contains("https://") == true)
        let socksWithPassword = validator.validate(.list(["socks5://user:secret-pw@10.0.0.3:1080"]), for: definition)
        #expect(socksWithPassword?.message.en.contains("SOCKS5") == true)
        #expect(socksWithPassword?.message.en.contains("secret-pw") == false)
        #expect(validator.validate(.list(["ftp://x:1"]), for: definition)?.message.en.contains("not a proxy address") == true)
    }

    @Test func anEmptyStoredAdminTokenGivesWayToTheEnvironments() throws {
        // The way out the guides give: set AUTH_TOKEN in the environment and restart.
        let outcome = try SettingsBootstrap.resolve(
            stored: ["AUTH_TOKEN": "", "ALLOWED_TOKENS": "[]"], environment: ["AUTH_TOKEN": "my-recovery-pass"],
            environmentWins: false, validator: validator)
        #expect(outcome.settings.authToken == "my-recovery-pass")
        #expect(outcome.toStore["AUTH_TOKEN"] == "my-recovery-pass")
        #expect(outcome.generatedAdminToken == nil)
        #expect(!outcome.ignoredEnvironment.contains("AUTH_TOKEN"))
    }
}

@Suite struct SecretTests {
    @Test func masks() {
        #expect(Secret.mask("AIzaSyA1234567890abcdefghijklmnopqx1Yz") == "AIza…x1Yz")
        #expect(Secret.mask("sk-123456") == "sk…56")
        #expect(Secret.mask("abc") == "…")
    }

    @Test func constantTimeEquality() {
        #expect(Secret.constantTimeEquals("abc", "abc"))
        #expect(!Secret.constantTimeEquals("abc", "abd"))
        #expect(!Secret.constantTimeEquals("abc", "abcd"))
        #expect(!Secret.constantTimeEquals("", "a"))
    }

    @Test func redactsKeyShapedText() {
        let text = "failed with key AIzaSyA1234567890abcdefghijklmnopqx1Yz today"
        #expect(KeyRedactor.redact(text) == "failed with key AIza…x1Yz today")
        let registry = SecretRegistry()
        registry.update(["my-secret-token-123"])
        #expect(registry.redact("token my-secret-token-123 used") == "token my-s…-123 used")
    }

    @Test func generatedTokensDiffer() {
        #expect(Secret.generateToken() != Secret.generateToken())
    }
}

@Suite struct NativeStreamMonitorTests {
    @Test func sseCompleteOnlyAfterFinishReason() {
        var monitor = NativeStreamMonitor(sse: true)
        monitor.observe(ByteBuffer(string: "data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"Hi\"}]}}]}\r\n\r\n"))
        #expect(!monitor.isComplete)
        monitor.observe(ByteBuffer(string: "data: {\"candidates\": [{\"finishRea"))
        monitor.observe(ByteBuffer(string: "son\": \"STOP\"}]}\r\n\r\n"))
        #expect(monitor.isComplete)
    }

    @Test func arrayCompleteOnClosingBracket() {
        var monitor = NativeStreamMonitor(sse: false)
        monitor.observe(ByteBuffer(string: "[{\"candidates\": []}\n,\r\n"))
        #expect(!monitor.isComplete)
        monitor.observe(ByteBuffer(string: "{}\n]"))
        #expect(monitor.isComplete)
    }

    @Test func errorEventIsAFailure() {
        var monitor = NativeStreamMonitor(sse: true)
        monitor.observe(ByteBuffer(string: "data: {\"error\": {\"code\": 500}}\r\n\r\n\"finishReason\""))
        #expect(!monitor.isComplete)
    }

    @Test func failureIsReportedUnlessGoogleAlreadyDidOrTheArrayIsClosed() {
        var sse = NativeStreamMonitor(sse: true)
        sse.observe(ByteBuffer(string: "data: {\"candidates\": []}\r\n\r\n"))
        #expect(sse.canReportFailure)
        sse.observe(ByteBuffer(string: "data: {\"error\": {\"code\": 500}}\r\n\r\n"))
        #expect(!sse.canReportFailure)

        var array = NativeStreamMonitor(sse: false)
        array.observe(ByteBuffer(string: "[{\n  \"candidates\": []\n}\n,\r\n{\n  \"error\": {\n    \"code\": 500\n  }\n}"))
        #expect(!array.isComplete)
        #expect(array.canReportFailure, "the array is still open: Gemgate's element closes it")
        array.observe(ByteBuffer(string: "\n]"))
        #expect(!array.isComplete, "Google's error element is a failure")
        #expect(!array.canReportFailure)
    }

    @Test func errorInsideAnswerTextIsNotGooglesError() {
        var array = NativeStreamMonitor(sse: false)
        array.observe(ByteBuffer(string: "[{\n  \"candidates\": [{\"text\": \"{\\n  \\\"error\\\": 1}\"}]\n}\n]"))
        #expect(array.isComplete)
    }
}

@Suite struct APIFamilyTests {
    @Test func pathsMapToFamilies() {
        #expect(APIFamily.of(path: "/v1beta/models") == .gemini)
        #expect(APIFamily.of(path: "/gemini/v1beta/models/x:generateContent") == .gemini)
        #expect(APIFamily.of(path: "/v1/models/gemini-2.5-flash:generateContent") == .gemini)
        #expect(APIFamily.of(path: "/v1/chat/completions") == .openAI)
        #expect(APIFamily.of(path: "/hf/v1/models") == .openAI)
        #expect(APIFamily.of(path: "/health") == .gateway)
    }
}

import NIOCore
