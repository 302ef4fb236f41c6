/// `KEY_WEIGHTS` on the settings page: the keys (masked) with a weight each, searched and paged
/// by the script through the key-list API, so that 10,000 keys do not make a 10,000-row form.
enum KeyWeightsField {
    static func render(t: Translator) -> Markup {
        """
        <p class="muted">\(t(.keyWeightsHint))</p>
        <div class="inline"><input type="search" id="weights-search" placeholder="\(t(.searchKeysPlaceholder))" aria-label="\(t(.searchKeys))">
        <button type="button" class="button small" id="weights-load">\(t(.show))</button></div>
        <div class="table-wrap"><table class="list compact" id="weights-table"><thead><tr><th>\(t(.key))</th><th>\(t(.weight))</th></tr></thead><tbody></tbody></table></div>
        <div class="inline"><button type="button" class="button small" id="weights-prev">\(t(.previousPage))</button>
        <span id="weights-page" class="muted"></span>
        <button type="button" class="button small" id="weights-next">\(t(.nextPage))</button></div>
        """
    }
}
