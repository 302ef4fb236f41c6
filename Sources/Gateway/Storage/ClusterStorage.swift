/// What several Gemgate instances on one database need from it: who is alive, which instance
/// runs a periodic job now, and news of changes made by the others.
public protocol ClusterStorage: Sendable {}
