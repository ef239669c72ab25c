import CairoBackend
import Foundation
import FuzzSupport

/// libFuzzer's entry point for PNG bytes, decoded to RGBA8 through libpng's simplified API.
///
/// A thrown `PNGError` naming the input is the correct outcome for bad bytes; what decodes must hold
/// four bytes per pixel (`RGBAImage` checks that itself).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPNG(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    do {
        let image = try PNGDecoder.decode(FuzzCheck.bytes(start, count), source: FuzzCheck.fileName)
        precondition(image.width > 0 && image.height > 0, "decoded an image of \(image.width)x\(image.height)")
    } catch {
        FuzzCheck.expect(error, is: PNGError.self)
    }
    return 0
}

exit(FuzzDriver.run(fuzzPNG))
