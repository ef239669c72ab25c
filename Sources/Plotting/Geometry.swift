/// A point in figure pixels (1x), y pointing down.
public struct Point: Equatable, Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A width and height in figure pixels (1x).
public struct Size: Equatable, Hashable, Sendable {
    public var width: Double
    public var height: Double
    public init(width: Double, height: Double) { self.width = width; self.height = height }
}

/// An axis-aligned rectangle in figure pixels (1x); `origin` is the top-left corner.
public struct Rect: Equatable, Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    public var minX: Double { x }
    public var minY: Double { y }
    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    /// Whether this rectangle and `other` share any point (a bar drawn upside down has a negative height).
    public func intersects(_ other: Rect) -> Bool {
        Swift.min(minX, maxX) <= Swift.max(other.minX, other.maxX) && Swift.max(minX, maxX) >= Swift.min(other.minX, other.maxX)
            && Swift.min(minY, maxY) <= Swift.max(other.minY, other.maxY) && Swift.max(minY, maxY) >= Swift.min(other.minY, other.maxY)
    }
}
