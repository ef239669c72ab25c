import Plotting

extension RGBAImage {
    /// The image enlarged by whole factors with nearest-neighbour sampling: each pixel becomes a `fx`x`fy` block.
    func scaledNearest(horizontally fx: Int, vertically fy: Int) -> RGBAImage {
        precondition(fx >= 1 && fy >= 1, "scaledNearest: factors \(fx)x\(fy) must be at least 1")
        if fx == 1 && fy == 1 { return self }
        let newWidth = width * fx, newHeight = height * fy
        var scaled = [UInt8](repeating: 0, count: newWidth * newHeight * 4)
        pixels.withUnsafeBufferPointer { source in
            scaled.withUnsafeMutableBufferPointer { target in
                for y in 0..<newHeight {
                    let sourceRow = (y / fy) * width * 4
                    let targetRow = y * newWidth * 4
                    for x in 0..<newWidth {
                        let s = sourceRow + (x / fx) * 4, t = targetRow + x * 4
                        target[t] = source[s]; target[t + 1] = source[s + 1]; target[t + 2] = source[s + 2]; target[t + 3] = source[s + 3]
                    }
                }
            }
        }
        return RGBAImage(width: newWidth, height: newHeight, pixels: scaled)
    }
}
