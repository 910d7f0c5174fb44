/// How much work one `render` call may do before it stops: a cap on nodes visited
/// and on output size.
///
/// A depth limit alone does not bound rendering. A partial that includes itself
/// twice, or sections nested over the same list, multiply their work at every level,
/// so a template of a few bytes can demand more steps than atoms in the universe.
/// Themes come from users' workspaces, so that must end in a truncated page, not a
/// hung build or an exhausted machine. The caps are far above any real page.
struct MustacheRenderBudget {
    /// Nodes visited, counting every repetition of a section or partial.
    static let maximumSteps = 10_000_000
    /// Bytes of output.
    static let maximumOutputBytes = 128 * 1024 * 1024

    private var stepsLeft = Self.maximumSteps
    private(set) var isExhausted = false

    /// Spends one step; false once the budget is gone (and from then on).
    mutating func spend(outputBytes: Int) -> Bool {
        if isExhausted { return false }
        stepsLeft -= 1
        if stepsLeft < 0 || outputBytes > Self.maximumOutputBytes {
            isExhausted = true
            return false
        }
        return true
    }
}
