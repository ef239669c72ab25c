import Foundation
import FuzzSupport
import ModelFiles

/// libFuzzer's entry point for whole torch.save checkpoints: zip archive, records and restricted pickle.
///
/// A thrown `ModelFileError` naming the input is the correct outcome for bad bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheckpoint(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    do {
        _ = try Checkpoint.decode(Data(FuzzCheck.bytes(start, count)), fileName: FuzzCheck.fileName)
    } catch {
        FuzzCheck.expect(error, is: ModelFileError.self)
    }
    return 0
}

exit(FuzzDriver.run(fuzzCheckpoint))
