/// The type of a setting, which decides how its text is parsed and written.
public enum SettingKind: Sendable, Hashable {
    case text
    case integer(ClosedRange<Int>)
    case number(ClosedRange<Double>)
    case boolean
    case list
    case map
    case numberMap
    case json
    /// Text restricted to a fixed set of values.
    case choice([String])
}
