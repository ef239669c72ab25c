import CairoBackend
import Foundation
import Plotting
import Testing

/// Small scenes of each primitive against committed goldens (`Goldens/<name>.png`, 2x device pixels).
@Suite struct GoldenSceneTests {
    @Test func textRegularBoldAndRotated() throws {
        let image = try render(width: 320, height: 110) { canvas in
            canvas.drawText("Rectified Linear Unit (ReLU)", at: Point(x: 40, y: 28), font: Font(size: 16, weight: .bold),
                            color: SceneColor.text, rotation: 0)
            canvas.drawText("Class Probability 0.93 gyjpq", at: Point(x: 40, y: 56), font: Font(size: 12), color: SceneColor.text, rotation: 0)
            canvas.drawText("−2 −1 0 1 2", at: Point(x: 40, y: 84), font: Font(size: 12), color: SceneColor.blue, rotation: 0)
            canvas.drawText("Probability", at: Point(x: 24, y: 100), font: Font(size: 12), color: SceneColor.text, rotation: .pi / 2)
            canvas.drawText("45°", at: Point(x: 260, y: 90), font: Font(size: 12), color: SceneColor.red, rotation: .pi / 4)
        }
        assertMatchesGolden(image, named: "text-regular-bold-rotated")
    }

    @Test func strokesWithCapsJoinsAndDashes() throws {
        let image = try render(width: 240, height: 130) { canvas in
            for (row, cap) in [StrokeStyle.Cap.butt, .round, .square].enumerated() {
                let y = 15 + Double(row) * 16
                canvas.strokePolyline([Point(x: 20, y: y), Point(x: 100, y: y)], style: StrokeStyle(color: SceneColor.blue, width: 8, cap: cap))
            }
            canvas.strokePolyline([Point(x: 20, y: 70), Point(x: 100, y: 70)], style: StrokeStyle(color: SceneColor.text, width: 1, dash: [4, 2]))
            canvas.strokePolyline([Point(x: 20, y: 85), Point(x: 100, y: 85)], style: StrokeStyle(color: SceneColor.orange, width: 2, cap: .round, dash: [0.1, 4]))
            for (column, join) in [StrokeStyle.Join.miter, .round, .bevel].enumerated() {
                let x = 125 + Double(column) * 38
                canvas.strokePolyline([Point(x: x, y: 60), Point(x: x + 14, y: 15), Point(x: x + 28, y: 60)],
                                      style: StrokeStyle(color: SceneColor.green, width: 6, join: join))
            }
            // A ReLU-like curve with many points.
            let points = (0..<200).map { i -> Point in
                let x = -2 + 4 * Double(i) / 199
                return Point(x: 125 + (x + 2) * 25, y: 120 - max(0, x) * 20)
            }
            canvas.strokePolyline(points, style: StrokeStyle(color: SceneColor.blue, width: 1.5))
        }
        assertMatchesGolden(image, named: "strokes-caps-joins-dashes")
    }

    @Test func rectsAndPolygons() throws {
        let image = try render(width: 200, height: 100) { canvas in
            let colors = [SceneColor.blue, SceneColor.orange, SceneColor.green, SceneColor.red]
            for (i, color) in colors.enumerated() {
                canvas.fillRect(Rect(x: 10 + Double(i) * 22, y: 80 - Double(i + 1) * 15, width: 18, height: Double(i + 1) * 15), color: color)
            }
            canvas.fillRect(Rect(x: 30.5, y: 20.25, width: 40, height: 30), color: Color(hex: 0x262626, alpha: 0.3))
            canvas.fillPolygon([Point(x: 130, y: 10), Point(x: 150, y: 70), Point(x: 100, y: 32), Point(x: 160, y: 32), Point(x: 110, y: 70)],
                               color: SceneColor.blue)  // a star: non-zero winding fills its centre
            canvas.fillRect(Rect(x: 10, y: 85, width: 180, height: 1), color: SceneColor.grid)
        }
        assertMatchesGolden(image, named: "rects-polygons")
    }

    @Test func imagesNearestAndBilinear() throws {
        var pixels: [UInt8] = []
        for y in 0..<8 {
            for x in 0..<8 { pixels += [UInt8(x * 36), UInt8(y * 36), UInt8((x + y) % 2 * 200), 255] }
        }
        let source = RGBAImage(width: 8, height: 8, pixels: pixels)
        let image = try render(width: 200, height: 100) { canvas in
            canvas.drawImage(source, in: Rect(x: 10, y: 10, width: 80, height: 80), interpolation: .nearest)
            canvas.drawImage(source, in: Rect(x: 110, y: 10, width: 80, height: 80), interpolation: .bilinear)
        }
        assertMatchesGolden(image, named: "images-nearest-bilinear")
    }

    @Test func nestedClips() throws {
        let image = try render(width: 120, height: 80) { canvas in
            canvas.pushClip(Rect(x: 10, y: 10, width: 100, height: 60))
            canvas.fillPolygon((0..<64).map { i in
                let angle = Double(i) / 64 * 2 * .pi
                return Point(x: 60 + 50 * cos(angle), y: 40 + 50 * sin(angle))
            }, color: SceneColor.orange)
            canvas.pushClip(Rect(x: 30, y: 0, width: 20, height: 80))
            canvas.fillRect(Rect(x: 0, y: 0, width: 120, height: 80), color: SceneColor.blue)
            canvas.popClip()
            canvas.strokePolyline([Point(x: 0, y: 0), Point(x: 120, y: 80)], style: StrokeStyle(color: SceneColor.text, width: 2))
            canvas.popClip()
            canvas.strokePolyline([Point(x: 0, y: 80), Point(x: 120, y: 0)], style: StrokeStyle(color: SceneColor.red, width: 1))
        }
        assertMatchesGolden(image, named: "clips-nested")
    }

    @Test func barChartScene() throws {
        assertMatchesGolden(try BarScene().render(), named: "bar-chart-scene")
    }
}
