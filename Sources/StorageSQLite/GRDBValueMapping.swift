import Foundation
import GRDB
import StorageSQL

// Conversions between the shared layer's values and GRDB's.

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: return .null
        case .int(let value): return value.databaseValue
        case .double(let value): return value.databaseValue
        case .text(let value): return value.databaseValue
        case .blob(let bytes): return Data(bytes).databaseValue
        }
    }

    init(_ databaseValue: DatabaseValue) {
        switch databaseValue.storage {
        case .null: self = .null
        case .int64(let value): self = .int(value)
        case .double(let value): self = .double(value)
        case .string(let value): self = .text(value)
        case .blob(let data): self = .blob([UInt8](data))
        }
    }
}

extension StatementArguments {
    init(binds: [SQLValue]) {
        self.init(binds.map(\.databaseValue))
    }
}

extension SQLRow {
    /// Column names lower-cased, as the `SQLRow` contract asks.
    init(_ row: Row) {
        self.init(columns: row.columnNames.map { $0.lowercased() }, values: row.databaseValues.map(SQLValue.init))
    }
}
