import CZlibSystem
import Foundation
import FuzzSupport

/// libFuzzer's entry point for IDX through gzip: every input reaches the reader as gzip data.
///
/// Inputs that start with the gzip magic (1f 8b) go in as they are, so damaged compressed streams,
/// headers, trailers and members exercise the inflater; any other input is first compressed into one
/// valid gzip member, so the IDX checks behind the streaming inflater see the mutated IDX bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIDXGzip(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let input = FuzzCheck.bytes(start, count)
    let isGzip = input.count >= 2 && input[0] == 0x1f && input[1] == 0x8b
    IDXChecks.decode(Data(isGzip ? input : gzipMember(input)))
    return 0
}

exit(FuzzDriver.run(fuzzIDXGzip))

/// `bytes` as one gzip member, compressed by zlib at its fastest level.
private func gzipMember(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    // 16 + 15: gzip wrapper, largest window; memory level 8 is zlib's default.
    let started = deflateInit2_(&stream, 1, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY,
                                zlibVersion(), CInt(MemoryLayout<z_stream>.size))
    precondition(started == Z_OK, "zlib's deflate could not start (error \(started))")
    defer { deflateEnd(&stream) }
    var input = bytes
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 32)
    let produced = input.withUnsafeMutableBufferPointer { source in
        output.withUnsafeMutableBufferPointer { target in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            stream.next_out = target.baseAddress
            stream.avail_out = uInt(target.count)
            let status = deflate(&stream, Z_FINISH)
            precondition(status == Z_STREAM_END, "deflate did not finish in one call (status \(status))")
            return target.count - Int(stream.avail_out)
        }
    }
    return Array(output[..<produced])
}
