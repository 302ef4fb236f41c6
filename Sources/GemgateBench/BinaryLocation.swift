import Foundation

enum BinaryLocation {
    /// The build folder this benchmark was started from, where `gemgate` and `fake-gemini` sit too.
    static func folderOfThisExecutable() -> String {
        let path = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return path.deletingLastPathComponent().path
    }
}
