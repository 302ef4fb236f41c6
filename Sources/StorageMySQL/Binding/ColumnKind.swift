import CMariaDB

/// How one result column is received and turned into an `SQLValue`, decided from its metadata.
enum ColumnKind: Equatable {
    /// Every integer type, received as a 64-bit integer with the column's signedness.
    case integer(unsigned: Bool)
    case real
    /// DECIMAL, received as its exact text and read as a number: an integer when the column has no
    /// fraction digits (SUM over an INT column), a double otherwise (AVG).
    case decimal(wholeNumbers: Bool)
    /// DATE, TIME, DATETIME, TIMESTAMP: received as `MYSQL_TIME`, returned as text.
    case temporal(TemporalKind, fractionDigits: Int)
    case text
    case binary
    /// A column that can only hold NULL (`SELECT NULL`).
    case alwaysNull

    init(_ field: MYSQL_FIELD) {
        let type = field.type
        switch type {
        case MYSQL_TYPE_TINY, MYSQL_TYPE_SHORT, MYSQL_TYPE_INT24, MYSQL_TYPE_LONG, MYSQL_TYPE_LONGLONG, MYSQL_TYPE_YEAR:
            self = .integer(unsigned: field.flags & UInt32(UNSIGNED_FLAG) != 0)
        case MYSQL_TYPE_FLOAT, MYSQL_TYPE_DOUBLE:
            self = .real
        case MYSQL_TYPE_DECIMAL, MYSQL_TYPE_NEWDECIMAL:
            self = .decimal(wholeNumbers: field.decimals == 0)
        case MYSQL_TYPE_DATE, MYSQL_TYPE_NEWDATE:
            self = .temporal(.date, fractionDigits: 0)
        case MYSQL_TYPE_TIME, MYSQL_TYPE_TIME2:
            self = .temporal(.time, fractionDigits: Self.fractionDigits(field))
        case MYSQL_TYPE_DATETIME, MYSQL_TYPE_DATETIME2, MYSQL_TYPE_TIMESTAMP, MYSQL_TYPE_TIMESTAMP2:
            self = .temporal(.dateTime, fractionDigits: Self.fractionDigits(field))
        case MYSQL_TYPE_NULL:
            self = .alwaysNull
        case MYSQL_TYPE_JSON:
            // MySQL 8 labels JSON with the binary character set, yet it is always utf8mb4 text.
            self = .text
        case MYSQL_TYPE_BIT, MYSQL_TYPE_GEOMETRY:
            self = .binary
        default:
            // CHAR, VARCHAR, TEXT, BLOB, ENUM, SET: character set 63 ("binary") marks bytes, any other text.
            self = field.charsetnr == Self.binaryCharacterSet ? .binary : .text
        }
    }

    /// The `buffer_type` asked of libmariadb, which converts the wire value into it.
    var bufferType: enum_field_types {
        switch self {
        case .integer: MYSQL_TYPE_LONGLONG
        case .real: MYSQL_TYPE_DOUBLE
        case .decimal, .text: MYSQL_TYPE_STRING
        case .temporal(.date, _): MYSQL_TYPE_DATE
        case .temporal(.time, _): MYSQL_TYPE_TIME
        case .temporal(.dateTime, _): MYSQL_TYPE_DATETIME
        case .binary: MYSQL_TYPE_BLOB
        case .alwaysNull: MYSQL_TYPE_NULL
        }
    }

    /// The buffer size of fixed-size kinds; nil for those sized by the longest value.
    var fixedSize: Int? {
        switch self {
        case .integer: MemoryLayout<Int64>.size
        case .real: MemoryLayout<Double>.size
        case .temporal: MemoryLayout<MYSQL_TIME>.size
        case .alwaysNull: 0
        case .decimal, .text, .binary: nil
        }
    }

    var isUnsigned: Bool {
        if case .integer(unsigned: true) = self { return true }
        return false
    }

    static let binaryCharacterSet: UInt32 = 63

    /// A DATETIME(3) column keeps three digits of fraction; `decimals` is 39 when unknown.
    private static func fractionDigits(_ field: MYSQL_FIELD) -> Int {
        let digits = Int(field.decimals)
        return (1...6).contains(digits) ? digits : 0
    }
}

enum TemporalKind: Equatable {
    case date, time, dateTime
}
