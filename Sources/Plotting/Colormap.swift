/// A lookup table of colours, indexed by a value in 0...1, as matplotlib's `Colormap`.
///
/// A value `x` maps to entry `floor(x * N)`, with `x = 1` (and above) giving entry `N - 1` and values below 0 entry 0.
public struct Colormap: Equatable, Sendable {
    /// matplotlib's name, e.g. "viridis" or "Greys_r".
    public let name: String
    /// The table, `N` entries.
    public let colors: [Color]

    /// A listed colormap from an explicit table (matplotlib `ListedColormap`).
    public init(name: String, colors: [Color]) {
        precondition(!colors.isEmpty, "Colormap \(name) needs at least one colour")
        self.name = name
        self.colors = colors
    }

    /// A colormap interpolated linearly between equally spaced stops into `count` entries
    /// (matplotlib `LinearSegmentedColormap.from_list(name, stops, N=count)`).
    public init(name: String, stops: [Color], count: Int = 256) {
        precondition(stops.count >= 2 && count >= 2, "Colormap \(name) needs two stops and two entries")
        var table: [Color] = []
        table.reserveCapacity(count)
        let segments = Double(stops.count - 1)
        for index in 0..<count {
            // Entry i samples x = i / (N - 1), like matplotlib's _create_lookup_table.
            let position = Double(index) / Double(count - 1) * segments
            let lower = min(Int(position), stops.count - 2)
            let t = position - Double(lower)
            let a = stops[lower], b = stops[lower + 1]
            table.append(Color(red: a.red + (b.red - a.red) * t,
                               green: a.green + (b.green - a.green) * t,
                               blue: a.blue + (b.blue - a.blue) * t,
                               alpha: a.alpha + (b.alpha - a.alpha) * t))
        }
        self.init(name: name, colors: table)
    }

    /// Number of entries `N`.
    public var count: Int { colors.count }

    /// The table index for `x` in 0...1: `floor(x * N)`, clamped to `0...N-1` (NaN maps to 0).
    public func index(for x: Double) -> Int {
        guard x.isFinite else { return x == .infinity ? count - 1 : 0 }
        let scaled = (x * Double(count)).rounded(.down)
        if scaled < 0 { return 0 }
        if scaled >= Double(count) { return count - 1 }
        return Int(scaled)
    }

    /// The colour for `x` in 0...1.
    public func color(at x: Double) -> Color { colors[index(for: x)] }

    /// The same table in reverse order, named with matplotlib's `_r` suffix.
    public func reversed() -> Colormap {
        let reversedName = name.hasSuffix("_r") ? String(name.dropLast(2)) : name + "_r"
        return Colormap(name: reversedName, colors: colors.reversed())
    }

    // MARK: - Named colormaps

    /// ColorBrewer's 9-class sequential Greys (white to black), as matplotlib's `Greys`.
    public static let greys = Colormap(name: "Greys", stops: [
        0xFFFFFF, 0xF0F0F0, 0xD9D9D9, 0xBDBDBD, 0x969696, 0x737373, 0x525252, 0x252525, 0x000000,
    ].map { Color(hex: $0) })

    /// Reversed Greys: black to white, so an MNIST digit is white on black.
    public static let greysR = greys.reversed()

    /// matplotlib's perceptually uniform default colormap (256 listed entries).
    public static let viridis: Colormap = {
        var table: [Color] = []
        table.reserveCapacity(viridisData.count / 3)
        for row in stride(from: 0, to: viridisData.count, by: 3) {
            table.append(Color(red: viridisData[row], green: viridisData[row + 1], blue: viridisData[row + 2]))
        }
        return Colormap(name: "viridis", colors: table)
    }()
}

// MARK: - Mapping data to pixels

/// Turning data into colours.
extension Colormap {
    /// Maps a row-major grid of values through the colormap into an opaque RGBA image.
    ///
    /// Values are normalised as matplotlib's `Normalize`: `(v - vmin) / (vmax - vmin)`; when `vmin == vmax`
    /// every value maps to 0. Colour components convert to bytes by rounding (`#FDE725` for viridis' top entry).
    public func image(_ data: [Float], rows: Int, cols: Int, vmin: Double, vmax: Double) throws -> RGBAImage {
        guard rows > 0, cols > 0 else {
            throw PlottingError.invalidArgument(what: "image shape", reason: "\(rows)x\(cols) has no pixels")
        }
        // rows and cols no larger than the data keep rows * cols from overflowing.
        guard rows <= data.count, cols <= data.count else {
            throw PlottingError.lengthMismatch(what: "image data for \(rows)x\(cols)", expected: Int.max, actual: data.count)
        }
        try PlottingError.checkLength(data.count, rows * cols, "image data for \(rows)x\(cols)")
        try PlottingError.checkFinite(data, "image data")
        try PlottingError.checkFinite(vmin, "vmin")
        try PlottingError.checkFinite(vmax, "vmax")
        let bytes = colors.map { Colormap.bytes($0) }
        let span = vmax - vmin
        var pixels = [UInt8](repeating: 0, count: rows * cols * 4)
        for (offset, value) in data.enumerated() {
            let x = span == 0 ? 0 : (Double(value) - vmin) / span
            let rgba = bytes[index(for: x)]
            pixels[offset * 4] = rgba.0
            pixels[offset * 4 + 1] = rgba.1
            pixels[offset * 4 + 2] = rgba.2
            pixels[offset * 4 + 3] = rgba.3
        }
        return RGBAImage(width: cols, height: rows, pixels: pixels)
    }

    /// A colour as rounded 8-bit RGBA.
    static func bytes(_ color: Color) -> (UInt8, UInt8, UInt8, UInt8) {
        func byte(_ v: Double) -> UInt8 { UInt8(max(0, min(255, (v * 255).rounded()))) }
        return (byte(color.red), byte(color.green), byte(color.blue), byte(color.alpha))
    }
}
