/// Embedding vectors that depend only on the text: the same text always gives the same vector, and
/// different texts give different ones, so a test can compare them.
enum EmbeddingVectors {
    /// A unit-length vector of `dimension` values seeded from the text. A shorter
    /// `outputDimensionality` is a prefix of the full vector, as Google truncates (and, like
    /// Google, does not renormalise it).
    static func vector(for text: String, fullDimension: Int, outputDimension: Int?) -> [Double] {
        var generator = SeededGenerator(seed: StableHash.fnv1a(text))
        var values = (0..<fullDimension).map { _ in generator.nextSignedUnit() }
        let norm = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { values = values.map { $0 / norm } }
        guard let outputDimension, outputDimension > 0, outputDimension < fullDimension else { return values }
        return Array(values.prefix(outputDimension))
    }

    /// Values rounded to 8 decimals, as Google's floats print.
    static func rounded(_ values: [Double]) -> [Double] {
        values.map { ($0 * 1e8).rounded() / 1e8 }
    }
}
