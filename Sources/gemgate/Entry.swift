import Launcher

/// The `gemgate` binary: everything happens in `GemgateCommand`.
@main
struct Entry {
    static func main() async {
        await GemgateCommand.main()
    }
}
