/// A city's standing in the UNESCO Global Network of Learning Cities, as
/// `cities.jsonl` records it (field `status`), with the source that says so.
public enum MembershipStatus: String, Codable, Sendable, CaseIterable {
    /// A source names it as a member (it also has `joined` or `member_by`).
    case member
    /// A source says it applied or prepared a bid; none shows it joined.
    case applicant
    /// A source says it left the network.
    case former
    /// It appears in learning-city sources, but no member list names it.
    case unconfirmed
}
