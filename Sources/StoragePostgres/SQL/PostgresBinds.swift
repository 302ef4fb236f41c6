import PostgresNIO
import StorageSQL

/// Turns the shared layer's `SQLValue`s into postgres-nio bindings.
///
/// - `int` goes as `int8` and `double` as `float8` (binary), `blob` as `bytea`.
/// - `text` goes as a parameter of *unspecified* type in text format, as libpq sends strings:
///   the server infers the type from where the `?` stands. So `'2025-03-14 15:09:26.535'` lands
///   in a `timestamp` column, `'{"a":1}'` in `jsonb`, `'1'` in `boolean` or `integer`, without a
///   cast. A `text`-typed parameter would be refused there ("column is of type timestamp but
///   expression is of type text"). The price: where no type can be inferred (`? IS NULL`,
///   `CONCAT(?, …)`), the SQL must say it, e.g. `CAST(? AS TEXT) IS NULL`.
/// - `null` is also unspecified, so it fits any column.
/// - U+0000 is taken out of text: PostgreSQL cannot store it in any text value and refuses the
///   whole statement (`22021`), so a client's model name with a NUL in it would otherwise cost
///   its batch of log rows. The other databases keep it.
enum PostgresBinds {
    static func make(_ values: [SQLValue]) -> PostgresBindings {
        var bindings = PostgresBindings(capacity: values.count)
        for value in values {
            switch value {
            case .null:
                bindings.appendNull()
            case .int(let integer):
                bindings.append(integer)
            case .double(let double):
                bindings.append(double)
            case .text(let string):
                bindings.append(UntypedText(withoutNUL(string)))
            case .blob(let bytes):
                bindings.append(ByteBuffer(bytes: bytes))
            }
        }
        return bindings
    }

    static func withoutNUL(_ text: String) -> String {
        guard text.utf8.contains(0) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0 != "\0" }))
    }
}

/// A string sent in text format with type OID 0, leaving the type to the server.
struct UntypedText: PostgresDynamicTypeEncodable {
    let string: String

    init(_ string: String) {
        self.string = string
    }

    var psqlType: PostgresDataType { .null }  // OID 0: "unspecified" in the Parse message
    var psqlFormat: PostgresFormat { .text }

    func encode<JSONEncoder: PostgresJSONEncoder>(
        into byteBuffer: inout ByteBuffer,
        context: PostgresEncodingContext<JSONEncoder>
    ) {
        byteBuffer.writeString(string)
    }
}
