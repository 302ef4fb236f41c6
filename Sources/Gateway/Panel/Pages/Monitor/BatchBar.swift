/// Actions on the selected keys of a list (or, with an error code, on every key that had it).
enum BatchBar {
    static func render(scope: String, t: Translator, errorCode: Int? = nil) -> Markup {
        let code: Markup = errorCode.map { " data-error-code=\"\(String($0))\"" } ?? .empty
        return """
            <div class="batchbar" data-scope="\(scope)"\(code)>
            <span class="muted">\(t(.selectedKeys))</span> <span class="selected-count">0</span>
            <button type="button" class="button small" data-batch="verify">\(t(.verify))</button>
            <button type="button" class="button small" data-batch="reset">\(t(.reset))</button>
            <button type="button" class="button small" data-batch="enable">\(t(.enable))</button>
            <button type="button" class="button small" data-batch="disable">\(t(.disable))</button>
            <button type="button" class="button small" data-batch="copy">\(t(.copy))</button>
            <button type="button" class="button small danger" data-batch="delete">\(t(.delete))</button>
            </div>
            """
    }
}
