import Foundation
import Plotting

/// How the pipeline turns a Plotting `Figure` into the PNG a report embeds, in two timed steps.
///
/// Report knows no renderer: the command line wires in CairoBackend, tests may pass their own.
public protocol FigureRendering {
    /// What drawing gives and encoding takes (for Cairo, a drawn canvas).
    associatedtype Drawing

    /// Device pixels per CSS pixel of the PNGs (2: "retina" figures shown at half their pixel size).
    var scale: Int { get }
    /// Versions of the libraries that draw and encode, for the reproducibility block.
    var libraryVersions: LibraryVersions { get }

    /// Draws `figure` at `scale` (the pipeline's figures stage).
    func draw(_ figure: Figure) throws -> Drawing
    /// Encodes a drawing as PNG bytes (the pipeline's encoding stage).
    func png(_ drawing: Drawing) throws -> Data
}
