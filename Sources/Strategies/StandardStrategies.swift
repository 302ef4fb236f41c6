import Gateway

/// The strategies Gemgate ships, as the launcher registers them (the first is the default).
public enum StandardStrategies {
    public static let catalog = StrategyCatalog([
        .init(RoundRobinStrategy.name) { RoundRobinStrategy() },
        .init(LeastErrorsStrategy.name) { LeastErrorsStrategy() },
        .init(WeightedStrategy.name) { WeightedStrategy() },
    ])
}
