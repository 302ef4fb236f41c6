import Launcher
@main struct Entry { static func main() async {} }
