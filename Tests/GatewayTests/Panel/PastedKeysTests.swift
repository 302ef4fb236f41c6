@testable import Gateway
import Testing

@Suite struct PastedKeysTests {
    static let a = "AIza" + String(repeating: "A", count: 34) + "1"
    static let b = "AIza" + String(repeating: "b", count: 34) + "-"
    static let c = "AIzaSy" + String(repeating: "_", count: 33)

    @Test func findsKeysInAnyTextAndCountsRepeats() {
        let text = """
            My keys: \(Self.a), \(Self.b)
            - "\(Self.c)" (spare)
            again \(Self.a); noise AIzaTooShort and x\(Self.b)y and \(Self.b)EXTRA
            """
        let pasted = PastedKeys(text: text, current: [], mode: .add)
        #expect(pasted.found == [Self.a, Self.b, Self.c])
        #expect(pasted.duplicates == 1)
        #expect(pasted.new == [Self.a, Self.b, Self.c])
        #expect(pasted.resulting == [Self.a, Self.b, Self.c])
    }

    @Test func addKeepsTheCurrentKeysAndDropsThoseAlreadyThere() {
        let pasted = PastedKeys(text: "\(Self.a) \(Self.b)", current: [Self.b, Self.c], mode: .add)
        #expect(pasted.alreadyPresent == 1)
        #expect(pasted.new == [Self.a])
        #expect(pasted.resulting == [Self.b, Self.c, Self.a])
        #expect(pasted.removed == 0)
    }

    @Test func replaceMakesThePastedKeysTheWholeList() {
        let pasted = PastedKeys(text: "\(Self.a)\n\(Self.b)\n\(Self.a)", current: [Self.b, Self.c], mode: .replace)
        #expect(pasted.resulting == [Self.a, Self.b])
        #expect(pasted.removed == 1)
        #expect(pasted.duplicates == 1)
    }

    @Test func textWithoutKeysFindsNothing() {
        #expect(PastedKeys(text: "nothing here AIza", current: [Self.a], mode: .replace).found.isEmpty)
    }
}
