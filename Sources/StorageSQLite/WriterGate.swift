/// A first-come-first-served async lock around SQLite's single writer connection.
///
/// A Gemgate transaction spans several GRDB calls (BEGIN, statements, COMMIT) with awaits in
/// between, so GRDB's own per-call serialisation is not enough: while one transaction is open,
/// no other write may reach the writer connection, or it would land inside that transaction.
/// Waiters are resumed in arrival order and ownership passes straight to the next one.
actor WriterGate {
    private var isHeld = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        guard isHeld else {
            isHeld = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            isHeld = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
