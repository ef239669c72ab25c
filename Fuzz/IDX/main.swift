import Foundation
import FuzzSupport

/// libFuzzer's entry point for raw IDX bytes: each input is read as an images file and as a labels file.
///
/// A thrown `IDXError` naming the input is the correct outcome for bad bytes; a trap, a sanitizer
/// report, a hang or a blow-up of memory is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDX(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    IDXChecks.decode(Data(FuzzCheck.bytes(start, count)))
    return 0
}

exit(FuzzDriver.run(fuzzIDX))
