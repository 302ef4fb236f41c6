/// Everything Gemgate knows about one setting: its name (gemini-balance's, where it has one),
/// type, default, where the panel shows it, and whether it is a secret.
public struct SettingDefinition: Sendable, Hashable {
    public let name: String
    public let kind: SettingKind
    public let defaultValue: SettingValue
    public let group: SettingGroup
    /// Secrets are masked on pages and never logged.
    public let isSecret: Bool
    public let label: LocalizedText

    public init(
        _ name: String,
        _ kind: SettingKind,
        default defaultValue: SettingValue,
        group: SettingGroup,
        secret: Bool = false,
        label: LocalizedText
    ) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.group = group
        self.isSecret = secret
        self.label = label
    }

    public static func == (lhs: SettingDefinition, rhs: SettingDefinition) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
