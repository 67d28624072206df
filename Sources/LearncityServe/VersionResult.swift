/// The result of the `version` method: the learncity version serving.
public struct VersionResult: Codable, Sendable, Equatable {
    /// `LearncityVersion.current`.
    public var version: String
}
