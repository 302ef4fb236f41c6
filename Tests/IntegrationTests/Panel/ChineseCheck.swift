/// Whether `text` has Chinese characters: how these tests tell that an answer was translated.
func containsChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) || (0x3400...0x4DBF).contains($0.value) }
}
