import Foundation
import PostgresNIO
import StorageSQL

/// Reads one result cell as an `SQLValue`, by the column's PostgreSQL type.
///
/// postgres-nio asks for every result column in binary format. The mapping:
/// - `int2`, `int4`, `int8`, `oid` → `.int`; `bool` → `.int` 0/1 (as SQLite and MySQL report it);
/// - `float4`, `float8` → `.double`;
/// - `numeric` (what `SUM(bigint)` and `AVG` return) → `.int` when integral and within Int64,
///   `.double` when it has a fraction, `.text` (exact) for a larger integer;
/// - `text`, `varchar`, `char`, `name`, `json`, `jsonb`, `uuid` → `.text`; `bytea` → `.blob`;
/// - `timestamp` → `.text` naive wall clock, `timestamptz` → `.text` in UTC, both
///   `YYYY-MM-DD HH:MM:SS[.ffffff]`; `date` → `YYYY-MM-DD`; `time` → `HH:MM:SS[.ffffff]`.
/// `void` → `.null`. Any other type is refused with its name, so the query can cast it to text instead of the
/// shared layer receiving bytes it cannot read.
enum PostgresCellDecoder {
    static func value(of cell: PostgresCell) throws -> SQLValue {
        // `void` is what functions such as pg_notify or pg_sleep return: no value at all.
        guard var bytes = cell.bytes, cell.dataType != .void else { return .null }

        switch cell.dataType {
        case .int2, .int4, .int8:
            return .int(try cell.decode(Int64.self))
        case .oid:
            guard let oid = bytes.readInteger(as: UInt32.self) else { throw malformed(cell) }
            return .int(Int64(oid))
        case .bool:
            return .int(try cell.decode(Bool.self) ? 1 : 0)
        case .float4, .float8:
            return .double(try cell.decode(Double.self))
        case .numeric:
            return numeric(try cell.decode(Decimal.self))
        case .text, .varchar, .bpchar, .name, .json, .jsonb, .uuid, .char:
            return .text(try cell.decode(String.self))
        case .bytea:
            return .blob(bytes.readBytes(length: bytes.readableBytes) ?? [])
        case .timestamp, .timestamptz:
            guard let micros = bytes.readInteger(as: Int64.self) else { throw malformed(cell) }
            return .text(PostgresTimeText.timestamp(microsecondsSince2000: micros))
        case .date:
            guard let days = bytes.readInteger(as: Int32.self) else { throw malformed(cell) }
            return .text(PostgresTimeText.date(daysSince2000: Int64(days)))
        case .time:
            guard let micros = bytes.readInteger(as: Int64.self) else { throw malformed(cell) }
            return .text(PostgresTimeText.time(microsecondsSinceMidnight: micros))
        default:
            if cell.format == .text {
                return .text(bytes.readString(length: bytes.readableBytes) ?? "")
            }
            throw PostgresDriverError(
                kind: .unsupportedType,
                message: "column \"\(cell.columnName)\" has PostgreSQL type \(cell.dataType), which the driver "
                    + "does not read; cast it in the query, e.g. CAST(\(cell.columnName) AS TEXT)"
            )
        }
    }

    private static func numeric(_ decimal: Decimal) -> SQLValue {
        let text = decimal.description
        if !text.contains("."), let integer = Int64(text) {
            return .int(integer)
        }
        if text.contains(".") || text.contains("e") || text.contains("E"), let double = Double(text) {
            return .double(double)
        }
        return .text(text)
    }

    private static func malformed(_ cell: PostgresCell) -> PostgresDriverError {
        PostgresDriverError(
            kind: .unsupportedType,
            message: "column \"\(cell.columnName)\" of type \(cell.dataType) arrived malformed"
        )
    }
}
