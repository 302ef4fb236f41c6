import CMariaDB
import StorageSQL

/// The `MYSQL_BIND` array that receives one row of a result, and the buffers behind it.
///
/// Variable-length columns get a buffer of the longest value in the result (`max_length`, known
/// because the statement stores its whole result first with `STMT_ATTR_UPDATE_MAX_LENGTH` on). A
/// value that still does not fit is read again into a bigger buffer (`refetchTruncatedColumns`).
/// Owned by one statement on one thread; `deallocate()` frees everything.
final class ResultBuffers {
    let columnNames: [String]
    private let kinds: [ColumnKind]
    let binds: UnsafeMutablePointer<MYSQL_BIND>
    private let lengths: UnsafeMutablePointer<UInt>
    private let nulls: UnsafeMutablePointer<my_bool>
    private let errors: UnsafeMutablePointer<my_bool>
    private var buffers: [UnsafeMutableRawPointer?]
    private var capacities: [Int]

    /// `initialCapacityLimit` caps the first size of variable buffers; only tests lower it, to
    /// exercise the truncation path.
    init(fields: UnsafeMutablePointer<MYSQL_FIELD>, count: Int, initialCapacityLimit: Int = .max) {
        var names: [String] = []
        var kinds: [ColumnKind] = []
        for index in 0..<count {
            let field = fields[index]
            names.append(field.name.map { String(cString: $0).lowercased() } ?? "")
            kinds.append(ColumnKind(field))
        }
        columnNames = names
        self.kinds = kinds

        binds = .allocate(capacity: max(count, 1))
        binds.initialize(repeating: MYSQL_BIND(), count: max(count, 1))
        lengths = .allocate(capacity: max(count, 1))
        lengths.initialize(repeating: 0, count: max(count, 1))
        nulls = .allocate(capacity: max(count, 1))
        nulls.initialize(repeating: 0, count: max(count, 1))
        errors = .allocate(capacity: max(count, 1))
        errors.initialize(repeating: 0, count: max(count, 1))
        buffers = Array(repeating: nil, count: count)
        capacities = Array(repeating: 0, count: count)

        for index in 0..<count {
            let kind = kinds[index]
            let capacity = kind.fixedSize ?? max(1, min(Int(clamping: fields[index].max_length), initialCapacityLimit))
            let bind = binds + index
            bind.pointee.buffer_type = kind.bufferType
            bind.pointee.is_unsigned = kind.isUnsigned ? 1 : 0
            bind.pointee.length = lengths + index
            bind.pointee.is_null = nulls + index
            bind.pointee.error = errors + index
            if capacity > 0 {
                let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
                buffer.initializeMemory(as: UInt8.self, repeating: 0, count: capacity)
                buffers[index] = buffer
                capacities[index] = capacity
                bind.pointee.buffer = buffer
                bind.pointee.buffer_length = UInt(capacity)
            }
        }
    }

    /// After `MYSQL_DATA_TRUNCATED`: grows every buffer too small for the current row, reads those
    /// columns again with `mysql_stmt_fetch_column`, and rebinds so later rows use the new sizes.
    func refetchTruncatedColumns(
        of statement: UnsafeMutablePointer<MYSQL_STMT>, endpoint: String, sql: String
    ) throws(MySQLError) {
        var grew = false
        for index in kinds.indices where kinds[index].fixedSize == nil && nulls[index] == 0 {
            let needed = Int(clamping: lengths[index])
            guard needed > capacities[index] else { continue }
            buffers[index]?.deallocate()
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: needed, alignment: 8)
            buffers[index] = buffer
            capacities[index] = needed
            binds[index].buffer = buffer
            binds[index].buffer_length = UInt(needed)
            guard mysql_stmt_fetch_column(statement, binds + index, UInt32(index), 0) == 0 else {
                throw MySQLError.from(statement, operation: .fetching, endpoint: endpoint, sql: sql)
            }
            grew = true
        }
        if grew, mysql_stmt_bind_result(statement, binds) != 0 {
            throw MySQLError.from(statement, operation: .fetching, endpoint: endpoint, sql: sql)
        }
    }

    /// The values of the row last fetched.
    func currentRow() -> [SQLValue] {
        kinds.indices.map(value(at:))
    }

    private func value(at index: Int) -> SQLValue {
        guard nulls[index] == 0, let buffer = buffers[index] else { return .null }
        switch kinds[index] {
        case .integer(unsigned: false):
            return .int(buffer.load(as: Int64.self))
        case .integer(unsigned: true):
            let number = buffer.load(as: UInt64.self)
            // BIGINT UNSIGNED above Int64.max has no exact SQLValue number; its digits are exact.
            return Int64(exactly: number).map(SQLValue.int) ?? .text(String(number))
        case .real:
            return .double(buffer.load(as: Double.self))
        case .temporal(let kind, let digits):
            return .text(TemporalText.format(buffer.load(as: MYSQL_TIME.self), as: kind, fractionDigits: digits))
        case .text:
            return .text(String(decoding: bytes(at: index, buffer), as: UTF8.self))
        case .binary:
            return .blob(Array(bytes(at: index, buffer)))
        case .decimal(let wholeNumbers):
            return Self.number(fromDecimal: String(decoding: bytes(at: index, buffer), as: UTF8.self), wholeNumbers: wholeNumbers)
        case .alwaysNull:
            return .null
        }
    }

    private func bytes(at index: Int, _ buffer: UnsafeMutableRawPointer) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: buffer, count: min(Int(clamping: lengths[index]), capacities[index]))
    }

    /// DECIMAL becomes a number, as the same aggregate does in SQLite and PostgreSQL: SUM() over an
    /// INT column is DECIMAL(n,0) in MySQL, and the shared queries read it as an integer. A value
    /// too large for Int64 keeps its exact digits as text.
    static func number(fromDecimal text: String, wholeNumbers: Bool) -> SQLValue {
        if wholeNumbers {
            return Int64(text).map(SQLValue.int) ?? .text(text)
        }
        return Double(text).map(SQLValue.double) ?? .text(text)
    }

    func deallocate() {
        for buffer in buffers {
            buffer?.deallocate()
        }
        buffers.removeAll()
        binds.deallocate()
        lengths.deallocate()
        nulls.deallocate()
        errors.deallocate()
    }
}
