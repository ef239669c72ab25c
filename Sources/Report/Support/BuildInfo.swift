/// Versions of nnreport and the toolchain it was compiled with, for the reproducibility block.
public enum BuildInfo {
    /// nnreport's own version (`nnreport --version`).
    public static let nnreportVersion = "0.1.0"

    /// The Swift compiler that built this binary, decided at compile time.
    public static let swiftVersion: String = {
        #if compiler(>=6.4)
        return "6.4 or later"
        #elseif compiler(>=6.3.1)
        return "6.3.1"
        #elseif compiler(>=6.3)
        return "6.3"
        #elseif compiler(>=6.2)
        return "6.2"
        #elseif compiler(>=6.1)
        return "6.1"
        #elseif compiler(>=6.0)
        return "6.0"
        #else
        return "older than 6.0"
        #endif
    }()
}
