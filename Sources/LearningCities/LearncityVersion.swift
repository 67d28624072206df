/// learncity's version: the one place it is written. `learncity --version`,
/// `stats`, serve's `version` method and the MCP server's info all report it.
public enum LearncityVersion {
    /// The version, as semantic versioning.
    public static let current = "0.2.0"
}
