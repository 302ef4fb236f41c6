import Hummingbird

/// The session cookie: the session's random id, HttpOnly, SameSite=Strict, `Secure` when the
/// request came over HTTPS. It never holds the admin token.
enum SessionCookie {
    static let name = "gemgate_session"

    static func issue(_ session: NewAdminSession, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: name, value: session.id, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Tells the browser to forget the cookie.
    static func cleared(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }
}
