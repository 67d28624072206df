/// A failure a fuzz input must never cause: the fuzz target stops on it and
/// saves the input; the regression tests (Tests/FuzzRegressionTests) fail on it.
public struct FuzzFinding: Error, CustomStringConvertible {
    /// What went wrong, with the input's part that shows it.
    public let description: String

    /// A finding saying `description`.
    public init(_ description: String) {
        self.description = description
    }
}
