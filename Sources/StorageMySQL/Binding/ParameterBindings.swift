import CMariaDB
import StorageSQL

/// The `MYSQL_BIND` array for a statement's `?` values, and the memory it points at.
///
/// `mysql_stmt_bind_param` keeps the pointers, and `mysql_stmt_execute` reads through them, so
/// the memory is allocated here and must stay alive until execute returns: the caller frees it
/// with `deallocate()` in a `defer` in the same scope as the execute call.
final class ParameterBindings {
    let count: Int
    /// Pass to `mysql_stmt_bind_param`; nil when there are no values.
    let binds: UnsafeMutablePointer<MYSQL_BIND>?
    private let lengths: UnsafeMutablePointer<UInt>?
    private var allocations: [UnsafeMutableRawPointer] = []

    init(_ values: [SQLValue]) {
        count = values.count
        guard !values.isEmpty else {
            binds = nil
            lengths = nil
            return
        }
        let binds = UnsafeMutablePointer<MYSQL_BIND>.allocate(capacity: values.count)
        binds.initialize(repeating: MYSQL_BIND(), count: values.count)
        let lengths = UnsafeMutablePointer<UInt>.allocate(capacity: values.count)
        lengths.initialize(repeating: 0, count: values.count)
        self.binds = binds
        self.lengths = lengths

        for (index, value) in values.enumerated() {
            let bind = binds + index
            bind.pointee.length = lengths + index
            switch value {
            case .null:
                bind.pointee.buffer_type = MYSQL_TYPE_NULL
            case .int(let number):
                bind.pointee.buffer_type = MYSQL_TYPE_LONGLONG
                bind.pointee.buffer = store(number)
                bind.pointee.buffer_length = UInt(MemoryLayout<Int64>.size)
            case .double(let number):
                bind.pointee.buffer_type = MYSQL_TYPE_DOUBLE
                bind.pointee.buffer = store(number)
                bind.pointee.buffer_length = UInt(MemoryLayout<Double>.size)
            case .text(let text):
                // Sent as bytes in the connection's character set, utf8mb4.
                bind.pointee.buffer_type = MYSQL_TYPE_STRING
                setBytes(Array(text.utf8), of: bind, length: lengths + index)
            case .blob(let bytes):
                bind.pointee.buffer_type = MYSQL_TYPE_BLOB
                setBytes(bytes, of: bind, length: lengths + index)
            }
        }
    }

    /// Frees every buffer. Call once, after the statement has executed.
    func deallocate() {
        for allocation in allocations {
            allocation.deallocate()
        }
        allocations.removeAll()
        binds?.deallocate()
        lengths?.deallocate()
    }

    private func store<T: BitwiseCopyable>(_ value: T) -> UnsafeMutableRawPointer {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: MemoryLayout<T>.size, alignment: MemoryLayout<T>.alignment)
        memory.storeBytes(of: value, as: T.self)
        allocations.append(memory)
        return memory
    }

    private func setBytes(_ bytes: [UInt8], of bind: UnsafeMutablePointer<MYSQL_BIND>, length: UnsafeMutablePointer<UInt>) {
        // At least one byte, so that an empty value still has a buffer (a null buffer reads as NULL).
        let memory = UnsafeMutableRawPointer.allocate(byteCount: max(bytes.count, 1), alignment: 1)
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress {
                memory.copyMemory(from: base, byteCount: source.count)
            }
        }
        allocations.append(memory)
        bind.pointee.buffer = memory
        bind.pointee.buffer_length = UInt(bytes.count)
        length.pointee = UInt(bytes.count)
    }
}
