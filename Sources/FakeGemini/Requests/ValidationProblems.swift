/// Field-level validation failures, reported together as Google does:
/// `* GenerateContentRequest.contents[0].parts: contents.parts must not be empty.\n`, one line each.
struct ValidationProblems {
    let messageName: String
    private var lines: [String] = []

    init(messageName: String) {
        self.messageName = messageName
    }

    mutating func add(field: String, _ text: String) {
        lines.append("* \(messageName).\(field): \(text)\n")
    }

    func throwIfAny() throws(GoogleError) {
        guard !lines.isEmpty else { return }
        throw GoogleErrorCatalog.invalidArgument(lines.joined())
    }
}
