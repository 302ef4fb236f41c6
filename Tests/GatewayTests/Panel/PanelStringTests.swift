import Foundation
@testable import Gateway
import Testing

/// Every phrase of the panel exists in both languages, the Chinese is really Chinese, and both
/// languages have the same `{n}` holes.
@Suite struct PanelStringTests {
    @Test func everyPhraseHasBothLanguages() {
        for string in PanelString.allCases {
            let text = string.text
            #expect(!text.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(string) has no English")
            #expect(!text.zh.trimmingCharacters(in: .whitespaces).isEmpty, "\(string) has no Chinese")
            #expect(ChineseText.untranslatedWords(text.zh).isEmpty, "\(string): \(text.zh)")
            #expect(text.zh.unicodeScalars.contains(where: ChineseText.isHan) || !text.zh.contains(where: \.isLetter),
                    "\(string) is not translated: \(text.zh)")
            #expect(ChineseText.holes(text.en) == ChineseText.holes(text.zh), "\(string) has different placeholders")
        }
    }

    @Test func settingLabelsAndGroupsAreTranslatedToo() {
        for definition in SettingCatalog.all {
            // Quoted values (`-search`, `socks5://`) are marked untranslatable on the page.
            let shown = LabelMarkup.render(definition.label.zh).html
            #expect(ChineseText.untranslatedWords(ChineseText.outsideCode(shown)).isEmpty, "\(definition.name): \(shown)")
            #expect(!definition.label.en.isEmpty)
        }
        for group in SettingGroup.allCases {
            #expect(ChineseText.untranslatedWords(group.title.zh).isEmpty, "\(group): \(group.title.zh)")
        }
    }

    @Test func scriptStringsAreListedOnce() {
        #expect(Set(PanelString.scriptStrings).count == PanelString.scriptStrings.count)
    }

    @Test func labelsMarkQuotedValues() {
        #expect(LabelMarkup.render("提供 -search 联网版本的模型").html == "提供 <code translate=\"no\">-search</code> 联网版本的模型")
        #expect(LabelMarkup.render("代理（http:// 或 socks5://）").html
            == "代理（<code translate=\"no\">http://</code> 或 <code translate=\"no\">socks5://</code>）")
        #expect(LabelMarkup.render("Plain <label>").html == "Plain &lt;label&gt;")
    }

    @Test func translatorFillsHoles() {
        let zh = Translator(language: .zh)
        #expect(zh(.pageOf, "2", "9") == "第 2 页，共 9 页")
        #expect(Translator(language: .en)(.pageOf, "2", "9") == "Page 2 of 9")
        #expect(zh(.settingsSaved).hasPrefix("配置保存成功"))
    }
}

/// The rule the browser test applies to Chinese pages too: a Latin word is allowed only if it is
/// an acronym or setting name (all capitals), a proper name from the list, or a number.
enum ChineseText {
    static let properNames: Set<String> = [
        "Gemini", "Gemgate", "Google", "Vertex", "Express", "PicGo", "CloudFlare", "ImgBed", "http", "https", "socks",
        "socks5",
    ]

    static func untranslatedWords(_ text: String) -> [String] {
        words(text).filter { word in
            !(word.allSatisfy { $0.isUppercase || $0.isNumber || $0 == "_" } || properNames.contains(word))
        }
    }

    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isASCII && (character.isLetter || character == "_" || (character.isNumber && !current.isEmpty)) {
                current.append(character)
            } else {
                if current.filter(\.isLetter).count >= 2 { words.append(current) }
                current = ""
            }
        }
        if current.filter(\.isLetter).count >= 2 { words.append(current) }
        return words
    }

    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }

    /// The text outside `<code translate="no">…</code>`.
    static func outsideCode(_ html: String) -> String {
        var text = html
        while let start = text.range(of: "<code translate=\"no\">"), let end = text.range(of: "</code>", range: start.upperBound..<text.endIndex) {
            text.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return text
    }

    static func holes(_ text: String) -> [String] {
        (0..<6).map { "{\($0)}" }.filter { text.contains($0) }
    }
}
