/// The tables that let several Gemgate instances share one database. Times are BIGINT epoch
/// milliseconds taken from the database's clock (`SQLDialect.databaseNowMilliseconds`).
enum ClusterTables {
    /// One row per running instance, refreshed every few seconds (the panel's instance list).
    static let instances = TableDefinition(name: "gg_instances", columns: [
        ColumnDefinition("instance_id", .varchar(64), .primaryKey),
        ColumnDefinition("name", .varchar(255), .notNull),
        ColumnDefinition("address", .varchar(255), .notNull),
        ColumnDefinition("version", .varchar(64), .notNull),
        ColumnDefinition("started_at", .bigInteger, .notNull),
        ColumnDefinition("last_seen", .bigInteger, .notNull),
    ])

    /// Which instance runs a periodic job, until when.
    static let leases = TableDefinition(name: "gg_leases", columns: [
        ColumnDefinition("job_name", .varchar(100), .primaryKey),
        ColumnDefinition("holder", .varchar(64), .notNull),
        ColumnDefinition("expires_at", .bigInteger, .notNull),
        ColumnDefinition("acquired_at", .bigInteger, .notNull),
    ])

    /// The change feed: settings saved, keys benched or cooled. Kept for a few minutes; each
    /// instance follows it by id.
    static let changes = TableDefinition(name: "gg_changes", columns: [
        ColumnDefinition("id", .autoIncrementID),
        ColumnDefinition("kind", .varchar(32), .notNull),
        ColumnDefinition("origin", .varchar(64)),
        ColumnDefinition("payload", .largeText),
        ColumnDefinition("created_at", .bigInteger, .notNull),
    ])

    static let changesCreatedIndex = IndexDefinition(name: "gg_idx_changes_created", table: "gg_changes", columns: ["created_at"])

    /// `gemgate migrate`: how far each table of each source has been copied into this database,
    /// so that running the copy again skips what is already here.
    static let transferProgress = TableDefinition(name: "gg_transfer_progress", columns: [
        // "<source>|<table>"; the source is its URL without the password.
        ColumnDefinition("transfer_key", .varchar(255), .primaryKey),
        ColumnDefinition("last_id", .bigInteger, .notNull),
        ColumnDefinition("copied_rows", .bigInteger, .notNull),
        ColumnDefinition("updated_at", .bigInteger, .notNull),
    ])
}
