/// Cuts text to a size limit on a Unicode-scalar boundary, saying that it was cut.
///
/// Used by the storage layer to fit values to their columns, and by the log writer to cut a
/// request body when it is recorded exactly as storage would cut it.
public enum TextFitting {
    /// Returns `text` when it fits; otherwise a prefix plus a marker that gives the original size,
    /// so a reader of the error log knows the body was longer. Very small limits (a VARCHAR(32))
    /// get a bare prefix: there the marker would crowd out the value.
    public static func fit(_ text: String, maxCharacters: Int?, maxBytes: Int?) -> String {
        let scalarCount = maxCharacters == nil ? 0 : text.unicodeScalars.count
        let byteCount = text.utf8.count
        let fitsCharacters = maxCharacters.map { scalarCount <= $0 } ?? true
        let fitsBytes = maxBytes.map { byteCount <= $0 } ?? true
        if fitsCharacters && fitsBytes { return text }

        let marker = "\n…[truncated by Gemgate: \(byteCount) bytes in total]"
        let markerScalars = marker.unicodeScalars.count
        let markerBytes = marker.utf8.count
        let roomyEnough = (maxCharacters ?? Int.max) >= 4 * markerScalars && (maxBytes ?? Int.max) >= 4 * markerBytes
        let characterBudget = maxCharacters.map { roomyEnough ? $0 - markerScalars : $0 } ?? Int.max
        let byteBudget = maxBytes.map { roomyEnough ? $0 - markerBytes : $0 } ?? Int.max

        var kept = String.UnicodeScalarView()
        var usedBytes = 0
        var usedScalars = 0
        for scalar in text.unicodeScalars {
            let size = UTF8.width(scalar)
            if usedScalars + 1 > characterBudget || usedBytes + size > byteBudget { break }
            kept.append(scalar)
            usedBytes += size
            usedScalars += 1
        }
        return String(kept) + (roomyEnough ? marker : "")
    }
}
