import Foundation
import FuzzSupport
import ModelFiles

/// libFuzzer's entry point for safetensors bytes (length, JSON header, data).
///
/// A thrown `ModelFileError` naming the input is the correct outcome for bad bytes; what decodes must
/// hold one stored type per tensor.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSafetensors(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    do {
        let file = try Safetensors.decode(Data(FuzzCheck.bytes(start, count)), fileName: FuzzCheck.fileName)
        precondition(Set(file.storedTypes.keys) == Set(file.stateDict.keys), "stored types and tensors disagree")
    } catch {
        FuzzCheck.expect(error, is: ModelFileError.self)
    }
    return 0
}

exit(FuzzDriver.run(fuzzSafetensors))
