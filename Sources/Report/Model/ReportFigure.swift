import Foundation

/// A figure of a section: a PNG rendered at `scale`x, shown at its CSS size with a caption and alt text.
public struct ReportFigure: Equatable, Sendable {
    /// File name inside `figures/`, e.g. `softmax-sums.png` (lowercase letters, digits, `-`, `_`, `.`).
    public let fileName: String
    /// The encoded PNG.
    public let png: Data
    /// Size in device pixels, read from the PNG's IHDR chunk.
    public let pixelSize: PNGHeader
    /// Device pixels per CSS pixel (2 for "retina" figures).
    public let scale: Int
    /// Caption under the figure.
    public var caption: String
    /// Alternative text describing what the figure shows, generated from its data.
    public var altText: String

    /// Width in CSS pixels (device pixels / scale), the `<img width>` attribute.
    public var width: Int { pixelSize.width / scale }
    /// Height in CSS pixels (device pixels / scale), the `<img height>` attribute.
    public var height: Int { pixelSize.height / scale }

    /// A figure from encoded PNG bytes; throws `ReportError.invalidContent` for a bad name, non-PNG bytes,
    /// a size that is not a multiple of `scale`, or empty alt text.
    public init(fileName: String, png: Data, caption: String, altText: String, scale: Int = 2) throws {
        guard ReportFigure.isValidFileName(fileName) else {
            throw ReportError.invalidContent("figure file name '\(fileName)' must be lowercase letters, digits, '-', '_' or '.' and end in .png")
        }
        guard let header = PNGHeader(png) else {
            throw ReportError.invalidContent("figure '\(fileName)' is not a PNG (bad signature or IHDR)")
        }
        guard scale >= 1, header.width % scale == 0, header.height % scale == 0 else {
            throw ReportError.invalidContent("figure '\(fileName)' is \(header.width)x\(header.height) px, not a multiple of its scale \(scale)")
        }
        guard !altText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw ReportError.invalidContent("figure '\(fileName)' has no alt text")
        }
        self.fileName = fileName
        self.png = png
        self.pixelSize = header
        self.scale = scale
        self.caption = caption
        self.altText = altText
    }

    /// Whether a name is safe as a file inside `figures/` (no path separators, no leading dot).
    static func isValidFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".png"), name.count > 4, name.count <= 100, let first = name.unicodeScalars.first,
              first != "." else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
    }
}
