/// The strategies the launcher made available, by the names `BALANCE_STRATEGY` accepts.
public struct StrategyCatalog: Sendable {
    public typealias Factory = @Sendable () -> any BalanceStrategy

    private let factories: [(name: String, make: Factory)]

    public init(_ factories: [(name: String, make: Factory)]) {
        precondition(!factories.isEmpty, "at least one strategy")
        self.factories = factories
    }

    /// Valid names, in the order they were registered (the first is the default).
    public var names: [String] { factories.map(\.name) }

    /// A fresh strategy, or nil when the name is unknown.
    public func make(_ name: String) -> (any BalanceStrategy)? {
        factories.first { $0.name == name }?.make()
    }
}
