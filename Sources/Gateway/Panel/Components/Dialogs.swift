/// The dialogs every admin page shares; the script fills them with `textContent` only.
enum Dialogs {
    static func shared(_ t: Translator) -> Markup {
        """
        <dialog id="details-dialog" class="dialog" aria-labelledby="details-title">
        <div class="dialog-head"><h2 id="details-title"></h2><button type="button" class="button subtle" data-close>\(t(.close))</button></div>
        <div id="details-body" class="dialog-body"></div>
        </dialog>
        <dialog id="copy-dialog" class="dialog" aria-labelledby="copy-title">
        <div class="dialog-head"><h2 id="copy-title">\(t(.copyManually))</h2><button type="button" class="button subtle" data-close>\(t(.close))</button></div>
        <div class="dialog-body"><p>\(t(.copyManuallyHint))</p><textarea id="copy-text" rows="6" readonly translate="no"></textarea></div>
        </dialog>
        """
    }
}
