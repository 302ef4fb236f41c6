/// The strategies the launcher made available, by the names `BALANCE_STRATEGY` accepts.
public struct StrategyCatalog: Sendable {
    public struct Entry: Sendable {
        public let name: String
        public let make: @Sendable () -> any BalanceStrategy

        public init(_ name: String, make: @escaping @Sendable () -> any BalanceStrategy) {
            self.name = name
            self.make = make
        }
    }

    private let entries: [Entry]

    public init(_ entries: [Entry]) {
        precondition(!entries.isEmpty, "at least one strategy")
        self.entries = entries
    }

    /// Valid names, in the order they were registered (the first is the default).
    public var names: [String] { entries.map(\.name) }

    /// A fresh strategy, or nil when the name is unknown.
    public func make(_ name: String) -> (any BalanceStrategy)? {
        entries.first { $0.name == name }?.make()
    }
}
