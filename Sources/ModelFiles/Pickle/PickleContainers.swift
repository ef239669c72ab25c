/// A Python dict (or OrderedDict) being filled by SETITEM(S): keys in insertion order.
///
/// Once placed inside another object it is frozen: torch.save fills every container before
/// nesting it, and freezing keeps recorded depths exact and makes cycles impossible.
final class PickleDict {
    /// Whether this is a `collections.OrderedDict` rather than a plain `dict`.
    let isOrdered: Bool
    private(set) var entries: [(key: PickleKey, value: PickleValue)] = []
    private var positions: [PickleKey: Int] = [:]
    /// Containers nested inside, plus one.
    private(set) var depth = 1
    /// Set once this dict is an item of a tuple, list or dict.
    var isNested = false

    init(isOrdered: Bool) {
        self.isOrdered = isOrdered
    }

    /// Whether `key` is already present.
    func contains(_ key: PickleKey) -> Bool { positions[key] != nil }

    /// Appends `key: value`; the caller has checked that `key` is new and the depth bound.
    func insert(_ key: PickleKey, _ value: PickleValue) {
        positions[key] = entries.count
        entries.append((key, value))
        depth = max(depth, value.depth + 1)
    }
}

/// A Python list being filled by APPEND(S); frozen once nested, like `PickleDict`.
final class PickleList {
    private(set) var items: [PickleValue] = []
    /// Containers nested inside, plus one.
    private(set) var depth = 1
    /// Set once this list is an item of a tuple, list or dict.
    var isNested = false

    /// Appends `value`; the caller has checked the depth bound.
    func append(_ value: PickleValue) {
        items.append(value)
        depth = max(depth, value.depth + 1)
    }
}
