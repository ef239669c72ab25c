import BundledFiles
import CCairo
import Foundation
import Plotting

/// The fonts the project ships (DejaVu Sans regular and bold), loaded once through FreeType and kept for the process lifetime.
///
/// Text must not depend on the machine's fonts or fontconfig's hinting defaults, so the faces come from the
/// files in the resource bundle, as matplotlib bundles DejaVu Sans. Each `FT_Face` must outlive its Cairo font
/// face; both are created once, never released, and shared by every canvas (creation is guarded by a lock;
/// Cairo serialises its own use of a FreeType face).
final class FontLibrary: @unchecked Sendable {
    /// The process-wide instance.
    static let shared = FontLibrary()

    private let lock = NSLock()
    private var freeType: FT_Library?
    // cairo_font_face_t* per weight; never destroyed (see the type comment).
    private var faces: [Font.Weight: OpaquePointer] = [:]

    private init() {}

    /// The Cairo font face for `weight`, loading it on first use.
    func fontFace(for weight: Font.Weight) throws -> OpaquePointer {
        lock.lock()
        defer { lock.unlock() }
        if let face = faces[weight] { return face }
        let face = try loadFace(named: Self.fileName(for: weight))
        faces[weight] = face
        return face
    }

    /// The shipped file (without extension) for a weight.
    static func fileName(for weight: Font.Weight) -> String {
        switch weight {
        case .normal: return "DejaVuSans"
        case .bold: return "DejaVuSans-Bold"
        }
    }

    // MARK: - Loading

    /// Opens a shipped TrueType file through FreeType and wraps it in a Cairo font face. Call with `lock` held.
    private func loadFace(named name: String) throws -> OpaquePointer {
        let path: String
        do {
            path = try BundledFiles.url("fonts/\(name).ttf", inBundleOf: "CairoBackend").path
        } catch let missing as BundledFileMissing {
            throw CairoError.fontLoadFailed(name: name, path: missing.path, reason: "the file is not in the resource bundle")
        }
        if freeType == nil {
            var library: FT_Library?
            let error = FT_Init_FreeType(&library)
            guard error == 0, let library else {
                throw CairoError.fontLoadFailed(name: name, path: path, reason: "FT_Init_FreeType failed with error \(error)")
            }
            freeType = library
        }
        var ftFace: FT_Face?
        let error = FT_New_Face(freeType, path, 0, &ftFace)
        guard error == 0, let ftFace else {
            throw CairoError.fontLoadFailed(name: name, path: path, reason: "FT_New_Face failed with FreeType error \(error)")
        }
        guard let face = cairo_ft_font_face_create_for_ft_face(ftFace, 0) else {
            FT_Done_Face(ftFace)
            throw CairoError.fontLoadFailed(name: name, path: path, reason: "cairo_ft_font_face_create_for_ft_face returned NULL")
        }
        let status = cairo_font_face_status(face)
        guard status == CAIRO_STATUS_SUCCESS else {
            cairo_font_face_destroy(face)
            FT_Done_Face(ftFace)
            throw CairoError.fontLoadFailed(name: name, path: path, reason: status.reason)
        }
        return face
    }
}
