@testable import Gateway
import Testing

@Suite struct MarkupTests {
    @Test func interpolatedValuesAreEscaped() {
        let model = "<img src=x onerror=alert(1)>"
        let key = "\"><script>alert('x')</script>&"
        let markup: Markup = "<td title=\"\(key)\">\(model)</td>"
        #expect(markup.html == "<td title=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\">&lt;img src=x onerror=alert(1)&gt;</td>")
    }

    @Test func markupIsInsertedAsItIs() {
        let inner: Markup = "<b>\("a<b")</b>"
        let outer: Markup = "<p>\(inner)\([inner, inner])</p>"
        #expect(outer.html == "<p><b>a&lt;b</b><b>a&lt;b</b><b>a&lt;b</b></p>")
    }

    @Test func plainTextIsUnchanged() {
        #expect(HTMLEscaping.escape("gemini-2.5-flash 中文") == "gemini-2.5-flash 中文")
    }

    @Test func jsonInScriptElementsCannotCloseThem() {
        let json = #"{"x":"</script><script>alert(1)</script>&"}"#
        let safe = HTMLEscaping.scriptSafeJSON(json)
        #expect(!safe.contains("<") && !safe.contains(">") && !safe.contains("&"))
        #expect(safe.contains("\\u003c/script\\u003e"))
    }
}
