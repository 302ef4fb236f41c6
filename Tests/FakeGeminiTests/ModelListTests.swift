import FakeGemini
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite("Models: list, pagination, get")
struct ModelListTests {
    @Test("the default page holds every model, models/-prefixed, without nextPageToken")
    func defaultPage() async throws {
        try await withFake { _, client in
            let json = try await client.get("/v1beta/models?key=AIzaValid").json
            let names = json["models"].array.compactMap { $0["name"].string }
            #expect(names.count == 13)
            #expect(names.allSatisfy { $0.hasPrefix("models/") })
            #expect(names.contains("models/gemini-3-pro-preview"))
            #expect(!json["nextPageToken"].exists)
            let flash = try #require(json["models"].array.first { $0["name"].string == "models/gemini-2.5-flash" })
            #expect(flash["inputTokenLimit"].int == 1_048_576)
            #expect(flash["supportedGenerationMethods"].array.compactMap(\.string).contains("generateContent"))
            #expect(flash["thinking"].bool == true)
        }
    }

    @Test("pageSize and pageToken walk the whole list; the last page has no token")
    func pagination() async throws {
        try await withFake { _, client in
            var names: [String] = []
            var token: String?
            var pages = 0
            repeat {
                let tokenQuery = token.map { "&pageToken=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? ""
                let json = try await client.get("/v1beta/models?key=AIzaValid&pageSize=5" + tokenQuery).json
                let page = json["models"].array.compactMap { $0["name"].string }
                #expect(page.count <= 5)
                names += page
                token = json["nextPageToken"].string
                pages += 1
            } while token != nil && pages < 10
            #expect(pages == 3)
            #expect(names.count == 13)
            #expect(Set(names).count == 13)
        }
    }

    @Test("pageSize above 1000 is capped; a bad token is 400")
    func limits() async throws {
        try await withFake { _, client in
            let large = try await client.get("/v1beta/models?key=AIzaValid&pageSize=5000")
            let badToken = try await client.get("/v1beta/models?key=AIzaValid&pageToken=nonsense")
            #expect(large.json["models"].array.count == 13)
            #expect(badToken.status == .badRequest)
        }
    }

    @Test("GET models/{m} returns one model; unknown ones are 404")
    func getModel() async throws {
        try await withFake { _, client in
            let model = try await client.get("/v1beta/models/text-embedding-004?key=AIzaValid")
            #expect(model.status == .ok)
            #expect(model.json["name"].string == "models/text-embedding-004")
            #expect(model.json["supportedGenerationMethods"].array.compactMap(\.string) == ["embedContent"])
            #expect(try await client.get("/v1beta/models/gemini-0?key=AIzaValid").status == .notFound)
        }
    }
}
