import Testing
@testable import Plotting

/// The colour tables and the value-to-entry mapping.
struct ColormapTests {
    func hex(_ color: Color) -> UInt32 {
        let (r, g, b, _) = Colormap.bytes(color)
        return UInt32(r) << 16 | UInt32(g) << 8 | UInt32(b)
    }

    @Test func viridisEntriesMatchMatplotlib() {
        #expect(Colormap.viridis.count == 256)
        #expect(hex(Colormap.viridis.colors[0]) == 0x440154)
        #expect(hex(Colormap.viridis.colors[128]) == 0x21918C)
        #expect(hex(Colormap.viridis.colors[255]) == 0xFDE725)
        #expect(hex(Colormap.viridis.color(at: 0)) == 0x440154)
        #expect(hex(Colormap.viridis.color(at: 1)) == 0xFDE725)
    }

    @Test func greysReversedRunsBlackToWhite() {
        let map = Colormap.greysR
        #expect(map.name == "Greys_r")
        #expect(map.count == 256)
        #expect(hex(map.color(at: 0)) == 0x000000)
        #expect(hex(map.color(at: 1)) == 0xFFFFFF)
        // Entry 32 samples x = 32/255 of Greys_r, i.e. Greys at 223/255 = 6.996 stops: #525252 → #252525 by 0.996.
        let expected = (0x52 as Double + (0x25 - 0x52) * (223.0 / 255 * 8 - 6)) / 255
        #expect(abs(map.colors[32].red - expected) < 1e-12)
        #expect(Colormap.greys.colors[0] == Color.white)
    }

    @Test func valuesMapToFloorOfXTimesN() {
        let map = Colormap.viridis
        #expect(map.index(for: 0) == 0)
        #expect(map.index(for: 0.5) == 128)
        #expect(map.index(for: 0.999) == 255)
        #expect(map.index(for: 1) == 255)
        #expect(map.index(for: 1.5) == 255)
        #expect(map.index(for: -0.2) == 0)
        #expect(map.index(for: .nan) == 0)
        #expect(map.index(for: 1 / 256) == 1)
    }

    @Test func imageNormalisesBetweenVminAndVmax() throws {
        let image = try Colormap.greysR.image([-1, 0, 1, 3], rows: 2, cols: 2, vmin: -1, vmax: 1)
        #expect(image.width == 2 && image.height == 2)
        #expect(Array(image.pixels[0..<4]) == [0, 0, 0, 255])
        #expect(Array(image.pixels[8..<12]) == [255, 255, 255, 255])
        #expect(Array(image.pixels[12..<16]) == [255, 255, 255, 255])
        // A flat image maps everything to entry 0 instead of dividing by zero.
        let flat = try Colormap.viridis.image([2, 2], rows: 1, cols: 2, vmin: 2, vmax: 2)
        #expect(Array(flat.pixels[0..<3]) == [0x44, 0x01, 0x54])
    }
}
