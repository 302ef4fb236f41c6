import Foundation
@testable import Gateway
import Testing
import Wire

@Suite("Panel: settings", .serialized)
struct PanelSettingsTests {
    static let adminToken = PanelAccessTests.adminToken
    static let environment = PanelAccessTests.environment

    @Test func aBadValueRefusesTheWholeSaveAndNamesTheField() async throws {
        try await GatewayHarness.run(keys: [testKey("validate")], environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let before = harness.services.settings.current
            let refused = try await panel.call(.PUT, "/api/config", [
                "values": ["MAX_RETRIES": "lots", "TIME_OUT": "99999", "TEST_MODEL": "gemini-2.0-flash"],
            ])
            #expect(refused.status == 422)
            let problems = refused.json?["problems"]?.arrayValue?.compactMap { $0["setting"]?.stringValue } ?? []
            #expect(Set(problems) == ["MAX_RETRIES", "TIME_OUT"])
            #expect(harness.services.settings.current == before)
            #expect(try await harness.services.storage.loadSettings()["TEST_MODEL"] == before.testModel)

            let zh = try await panel.call(.PUT, "/api/config", ["values": ["MAX_RETRIES": "0"]])
            #expect(zh.status == 422)
            #expect(try await panel.call(.PUT, "/api/config", ["values": ["AUTH_TOKEN": ""]]).status == 422)
        }
    }

    /// A value sent as a JSON object or list (a script's mistake) is not an unknown setting: the
    /// answer says what the value must be, in the admin's language.
    @Test func aValueOfTheWrongJSONTypeIsNamedAsSuch() async throws {
        try await GatewayHarness.run(keys: [testKey("wrong-type")], environment: Self.environment) { harness in
            for (language, unknownWords) in [("en-US", "Unknown setting"), ("zh-CN", "未知的设置项")] {
                let (panel, _) = try await PanelClient.login(
                    harness.baseURL, token: Self.adminToken, headers: [("Accept-Language", language)])
                let refused = try await panel.call(.PUT, "/api/config", [
                    "values": ["MAX_FAILURES": ["a": 1], "TEST_MODEL": .array(["x"]), "NO_SUCH_SETTING": "1"],
                ])
                #expect(refused.status == 422)
                var messages: [String: String] = [:]
                for problem in refused.json?["problems"]?.arrayValue ?? [] {
                    messages[problem["setting"]?.stringValue ?? ""] = problem["message"]?.stringValue
                }
                #expect(Set(messages.keys) == ["MAX_FAILURES", "TEST_MODEL", "NO_SUCH_SETTING"])
                for name in ["MAX_FAILURES", "TEST_MODEL"] {
                    let message = messages[name] ?? ""
                    #expect(!message.isEmpty && !message.contains(unknownWords), "\(name): \(message)")
                }
                #expect(messages["NO_SUCH_SETTING"]?.contains(unknownWords) == true)
                if language == "zh-CN" {
                    #expect(containsChinese(messages["MAX_FAILURES"] ?? ""))
                }
            }
            // Numbers and booleans are as good as their text.
            let numbers = try await PanelClient.login(harness.baseURL, token: Self.adminToken).0
            #expect(try await numbers.call(.PUT, "/api/config", ["values": ["MAX_FAILURES": 7, "SHOW_THINKING_PROCESS": false]]).status == 200)
            #expect(harness.services.settings.current.maxFailures == 7)
        }
    }

    @Test func pastedKeysAndNewTokensApplyWithoutARestart() async throws {
        let oldKey = testKey("old-key")
        let oldToken = "sk-old-client-token"
        let newKeys = [testKey("new-a"), testKey("new-b"), testKey("new-c")]
        let paste = "keys:\n\(newKeys[0]) , \(newKeys[1])\nagain \(newKeys[0])\njunk AIzaNOPE \(newKeys[2]) trailing"
        try await GatewayHarness.run(keys: [oldKey], tokens: [oldToken], environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let preview = try #require(try await panel.call(
                .POST, "/api/config/keys/preview", ["text": .string(paste), "mode": "replace"]).json)
            #expect(preview["found"]?.intValue == 3)
            #expect(preview["duplicates"]?.intValue == 1)
            #expect(preview["removed"]?.intValue == 1)

            let saved = try await panel.call(.PUT, "/api/config", [
                "values": ["ALLOWED_TOKENS": "sk-new-token-one\nsk-new-token-two"],
                "keyPaste": ["text": .string(paste), "mode": "replace"],
            ])
            #expect(saved.status == 200, "\(saved.body)")
            #expect(saved.json?["message"]?.stringValue == "Settings saved and applied.")
            #expect(harness.services.settings.current.apiKeys == newKeys)
            #expect(harness.services.settings.current.allowedTokens == ["sk-new-token-one", "sk-new-token-two"])

            #expect(try await harness.generate(token: oldToken).status == 401)
            #expect(try await harness.generate(token: "sk-new-token-two").status == 200)
            let used = harness.fake.requests().last?.apiKey
            #expect(used.map(newKeys.contains) == true)
            #expect(harness.upstreamCalls(key: oldKey).isEmpty)
        }
    }

    @Test func weightsAreSavedByKeyIdAndAStrategyChangeApplies() async throws {
        let keys = [testKey("w-one"), testKey("w-two")]
        try await GatewayHarness.run(keys: keys, environment: Self.environment) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            let saved = try await panel.call(.PUT, "/api/config", [
                "values": ["BALANCE_STRATEGY": "weighted"],
                "weights": .object([KeyDirectory.id(of: keys[0]): 5, KeyDirectory.id(of: keys[1]): 1]),
            ])
            #expect(saved.status == 200, "\(saved.body)")
            #expect(harness.services.settings.current.keyWeights == [keys[0]: 5])
            #expect(harness.snapshot(keys[0])?.weight == 5)
            #expect(harness.services.settings.current.balanceStrategy == "weighted")
        }
    }

    @Test func resetRestoresTheEnvironmentButKeepsKeysItLacks() async throws {
        let key = testKey("reset-key")
        try await GatewayHarness.run(keys: [key], environment: Self.environment.merging(["MAX_FAILURES": "7"]) { $1 }) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            _ = try await panel.call(.PUT, "/api/config", [
                "values": ["MAX_FAILURES": "2", "TEST_MODEL": "something-else"],
                "keyPaste": ["text": .string(testKey("pasted-later")), "mode": "add"],
            ])
            #expect(harness.services.settings.current.maxFailures == 2)
            #expect(try await panel.call(.POST, "/api/config/reset", [:]).status == 400)
            let reset = try await panel.call(.POST, "/api/config/reset", ["confirm": true])
            #expect(reset.status == 200, "\(reset.body)")
            let current = harness.services.settings.current
            #expect(current.maxFailures == 7)
            #expect(current.testModel == SettingCatalog.testModel.defaultValue.text)
            // The harness's environment has API_KEYS, so they come back from it.
            #expect(current.apiKeys == [key])
            #expect(current.effectiveAdminToken == Self.adminToken)
        }
    }

    @Test func theSettingsPageShowsEveryGroupAndSettingButNoSecret() async throws {
        let key = testKey("page-secret")
        try await GatewayHarness.run(
            keys: [key], tokens: ["sk-visible-only-masked-1"],
            environment: Self.environment.merging(["PAID_KEY": "paid-key-secret-value-123"]) { $1 }
        ) { harness in
            let panel = try await harness.panel(adminToken: Self.adminToken)
            for language in ["en", "zh"] {
                let page = try await panel.get("/config?lang=\(language)").body
                for definition in SettingCatalog.all {
                    #expect(page.contains("data-setting=\"\(definition.name)\""), "\(definition.name) missing")
                }
                for group in SettingGroup.allCases { #expect(page.contains("id=\"group-\(group.rawValue)\"")) }
                for secret in [key, "sk-visible-only-masked-1", "paid-key-secret-value-123"] {
                    #expect(!page.contains(secret), "\(secret) is on the page")
                }
                #expect(page.contains(Secret.mask("paid-key-secret-value-123")))
            }
            let paid = try await panel.call(.POST, "/api/config/reveal", ["name": "PAID_KEY"])
            #expect(paid.json?["text"]?.stringValue == "paid-key-secret-value-123")
            #expect(try await panel.call(.POST, "/api/config/reveal", ["name": "BASE_URL"]).status == 400)
        }
    }
}
