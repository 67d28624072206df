internal import CXapian

/// Xapian's `sortable_serialise`: numbers encoded so that byte order is numeric order,
/// for value slots used in ranges and sorting.
public enum SortableNumber {
    /// Encodes `value`.
    public static func serialise(_ value: Double) -> [UInt8] {
        var buffer = [CChar](repeating: 0, count: 32)
        let length = lc_sortable_serialise(value, &buffer)
        return buffer.prefix(length).map { UInt8(bitPattern: $0) }
    }

}
