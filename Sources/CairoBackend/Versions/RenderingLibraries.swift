import CCairo
import CPNG

/// The versions of the C libraries that draw and encode the figures, as linked at run time.
public enum RenderingLibraries {
    /// Cairo's version, from `cairo_version_string()` ("1.16.0").
    public static var cairoVersion: String {
        String(cString: cairo_version_string())
    }

    /// libpng's version, from `png_get_libpng_ver(nil)` ("1.6.39").
    public static var libpngVersion: String {
        // libpng ignores the struct pointer here; the string is static and never nil.
        guard let text = png_get_libpng_ver(nil) else { return "unknown" }
        return String(cString: text)
    }
}
