import Foundation
import Synchronization
import Testing
@testable import Wire

@Suite("Chat request: media parts")
struct ChatRequestMediaTests {
    private func userParts(_ parts: [JSONValue], fetch: @escaping MediaFetcher = Support.noFetch) async throws -> [JSONValue] {
        let plan = try await Support.convert(Support.request([["role": "user", "content": .array(parts)]]), fetch: fetch)
        return plan.body.contents.first?["parts"]?.arrayValue ?? []
    }

    @Test func httpImagesAreFetchedThroughTheInjectedClosure() async throws {
        let seen = Mutex<[String]>([])
        let parts = try await userParts(
            [
                ["type": "image_url", "image_url": ["url": "https://example.com/a.png"]],
                ["type": "image_url", "image_url": "https://example.com/b.jpg"],
                ["type": "image_url", "image_url": ["url": "https://example.com/a.png"]],
            ],
            fetch: { url in
                seen.withLock { $0.append(url.absoluteString) }
                return FetchedMedia(mimeType: url.pathExtension == "png" ? "image/png" : "image/jpg", base64Data: "QQ==")
            })
        #expect(parts == [
            ["inlineData": ["mimeType": "image/png", "data": "QQ=="]],
            ["inlineData": ["mimeType": "image/jpeg", "data": "QQ=="]],
            ["inlineData": ["mimeType": "image/png", "data": "QQ=="]],
        ])
        // Each distinct URL is fetched once.
        #expect(seen.withLock { $0.sorted() } == ["https://example.com/a.png", "https://example.com/b.jpg"])
    }

    @Test func aFailedFetchIsAClearErrorNotAPlaceholder() async {
        struct TooLarge: Error, CustomStringConvertible { var description: String { "the image is larger than 20 MB" } }
        let error = await Support.conversionError(
            Support.request([["role": "user", "content": [
                ["type": "text", "text": "see"],
                ["type": "image_url", "image_url": ["url": "https://example.com/huge.png"]],
            ]]]),
            fetch: { _ in throw TooLarge() })
        #expect(error?.cause == .mediaUnavailable)
        #expect(error?.param == "messages[0].content[1].image_url.url")
        #expect(error?.message == "messages[0].content[1].image_url.url: could not fetch https://example.com/huge.png: the image is larger than 20 MB")
    }

    @Test func geminiFilesAndYouTubeBecomeFileData() async throws {
        let parts = try await userParts([
            ["type": "image_url", "image_url": ["url": "https://generativelanguage.googleapis.com/v1beta/files/abc123"]],
            ["type": "image_url", "image_url": ["url": "https://www.youtube.com/watch?v=9hE5-98ZeCg"]],
            ["type": "image_url", "image_url": ["url": "https://youtu.be/9hE5-98ZeCg"]],
            ["type": "image_url", "image_url": ["url": "gs://bucket/clip.mp4"]],
        ])
        #expect(parts == [
            ["fileData": ["fileUri": "https://generativelanguage.googleapis.com/v1beta/files/abc123"]],
            ["fileData": ["fileUri": "https://www.youtube.com/watch?v=9hE5-98ZeCg"]],
            ["fileData": ["fileUri": "https://youtu.be/9hE5-98ZeCg"]],
            ["fileData": ["fileUri": "gs://bucket/clip.mp4", "mimeType": "video/mp4"]],
        ])
    }

    @Test func inputAudioBecomesInlineAudio() async throws {
        let parts = try await userParts([
            ["type": "input_audio", "input_audio": ["data": "UklGRg==", "format": "wav"]],
            ["type": "input_audio", "input_audio": ["data": "SUQz", "format": "mp3"]],
        ])
        #expect(parts == [
            ["inlineData": ["mimeType": "audio/wav", "data": "UklGRg=="]],
            ["inlineData": ["mimeType": "audio/mp3", "data": "SUQz"]],
        ])
    }

    @Test func fileParts() async throws {
        let parts = try await userParts([
            ["type": "file", "file": ["filename": "a.pdf", "file_data": "data:application/pdf;base64,JVBERi0="]],
            ["type": "file", "file": ["filename": "notes.txt", "file_data": "aGVsbG8="]],
            ["type": "file", "file": ["file_id": "files/xyz", "format": "application/pdf"]],
        ])
        #expect(parts == [
            ["inlineData": ["mimeType": "application/pdf", "data": "JVBERi0="]],
            ["inlineData": ["mimeType": "text/plain", "data": "aGVsbG8="]],
            ["fileData": ["fileUri": "https://generativelanguage.googleapis.com/v1beta/files/xyz", "mimeType": "application/pdf"]],
        ])
        let openAIFile = await Support.conversionError(Support.request([["role": "user", "content": [
            ["type": "file", "file": ["file_id": "file-abc"]]
        ]]]))
        #expect(openAIFile?.cause == .unsupported)
    }

    @Test func badMediaURLsAreRefused() async {
        for url: JSONValue in ["ftp://x/y.png", "data:;base64,AAAA", "data:image/png;base64", "not a url"] {
            let error = await Support.conversionError(Support.request([["role": "user", "content": [
                ["type": "image_url", "image_url": ["url": url]]
            ]]]))
            #expect(error != nil, "\(url)")
        }
    }

    @Test func markdownDataImagesInAssistantHistoryGoBackAsInlineData() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "user", "content": "Draw a cat"],
            ["role": "assistant", "content": "Here:\n\n![image](data:image/png;base64,iVBOR)\n\nEnjoy"],
            ["role": "user", "content": "Make it blue"],
        ]))
        #expect(plan.body.contents[1]["parts"] == [
            ["text": "Here:\n\n"],
            ["inlineData": ["mimeType": "image/png", "data": "iVBOR"]],
            ["text": "\n\nEnjoy"],
        ])
    }

    @Test func markdownSplitterLeavesOtherLinksAlone() {
        #expect(MarkdownImages.split("see [link](data:text/plain,hi) and ![x](https://a/b.png)") == [
            .text("see [link](data:text/plain,hi) and ![x](https://a/b.png)")
        ])
        #expect(MarkdownImages.split("![a](data:image/gif;base64,R0lG)") == [.image(mimeType: "image/gif", base64: "R0lG")])
    }

    @Test func dataURLParsing() throws {
        #expect(try MediaReference.parseDataURL("data:image/PNG;base64,QU JD\n", param: "p") == .inline(mimeType: "image/png", base64: "QUJD"))
        #expect(try MediaReference.parseDataURL("data:text/plain;charset=utf-8,hi%20there", param: "p")
            == .inline(mimeType: "text/plain", base64: Data("hi there".utf8).base64EncodedString()))
    }
}

@Suite("Conversion errors as OpenAI errors")
struct ConversionErrorRenderingTests {
    @Test func bodiesAndStatuses() {
        let error = ConversionError(.invalidToolHistory, "messages[3]: bad", param: "messages[3].tool_call_id")
        #expect(error.httpStatus == 400)
        #expect(error.openAIErrorBody == ["error": [
            "message": "messages[3]: bad", "type": "invalid_request_error", "param": "messages[3].tool_call_id", "code": "invalid_tool_history",
        ]])
        let model = ConversionError(.modelNotFound, "model: nope", param: "model")
        #expect(model.httpStatus == 404)
        #expect(model.openAIErrorBody["error"]?["code"] == "model_not_found")
        #expect(ConversionError(.upstreamResponse, "no audio").httpStatus == 502)
    }

    @Test func systemMessageImagesAreNotFetched() async throws {
        let plan = try await Support.convert(Support.request([
            ["role": "system", "content": [["type": "text", "text": "Rules"], ["type": "image_url", "image_url": ["url": "https://example.com/x.png"]]]],
            ["role": "user", "content": "hi"],
        ]))
        #expect(plan.body["systemInstruction"] == ["parts": [["text": "Rules"]]])
    }

    private static func images(_ count: Int) -> [JSONValue] {
        (0..<count).map { ["type": "image_url", "image_url": ["url": .string("https://example.com/\($0).png")]] }
    }

    @Test func moreThan32RemoteURLsAreRefusedBeforeAnyFetch() async {
        let fetches = Atomic<Int>(0)
        let error = await Support.conversionError(
            Support.request([["role": "user", "content": .array(Self.images(33))]]),
            fetch: { _ in
                fetches.add(1, ordering: .relaxed)
                return FetchedMedia(mimeType: "image/png", base64Data: "QQ==")
            })
        #expect(error?.cause == .mediaUnavailable)
        #expect(error?.message.contains("at most 32") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("data: URLs") == true)
        #expect(fetches.load(ordering: .relaxed) == 0)
        // 32 is allowed.
        let plan = try? await Support.convert(
            Support.request([["role": "user", "content": .array(Self.images(32))]]),
            fetch: { _ in FetchedMedia(mimeType: "image/png", base64Data: "QQ==") })
        #expect(plan?.body.contents.first?["parts"]?.arrayValue?.count == 32)
    }

    @Test func fetchedBytesAreCappedPerRequestAndFetchedFourAtATime() async {
        // 8 MB each: two fit in 20 MB, the third crosses it.
        let eightMB = String(repeating: "A", count: (8 << 20) / 3 * 4)
        let running = Atomic<Int>(0)
        let mostAtOnce = Atomic<Int>(0)
        let error = await Support.conversionError(
            Support.request([["role": "user", "content": .array(Self.images(10))]]),
            fetch: { _ in
                let now = running.add(1, ordering: .relaxed).newValue
                mostAtOnce.max(now, ordering: .relaxed)
                try await Task.sleep(for: .milliseconds(20))
                running.subtract(1, ordering: .relaxed)
                return FetchedMedia(mimeType: "image/png", base64Data: eightMB)
            })
        #expect(error?.cause == .mediaUnavailable)
        #expect(error?.message.contains("20 MB") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("data: URLs") == true)
        #expect(mostAtOnce.load(ordering: .relaxed) <= 4)
    }
}
