/// The favicon: a gate of two posts and a key bit, in the panel's accent colour.
enum PanelIcon {
    static let text = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2b59c3"/>\
        <path d="M9 25V11a7 7 0 0 1 14 0v14" fill="none" stroke="#fff" stroke-width="3"/>\
        <circle cx="16" cy="17" r="3" fill="#fff"/><path d="M16 19v5" stroke="#fff" stroke-width="2.5"/></svg>
        """
}
