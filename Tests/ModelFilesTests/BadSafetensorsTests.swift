import Foundation
@testable import ModelFiles
import Testing

/// Malformed safetensors files fail with an error that names the file, the key and the offset.
@Suite("Bad safetensors files")
struct BadSafetensorsTests {
    /// A file with `header` (its UTF-8 bytes, length-prefixed) followed by `data`.
    private func file(_ header: String, data: [UInt8] = []) -> Data {
        file(headerBytes: Array(header.utf8), data: data)
    }

    private func file(headerBytes: [UInt8], data: [UInt8] = [], declaredLength: UInt64? = nil) -> Data {
        var bytes: [UInt8] = []
        withUnsafeBytes(of: (declaredLength ?? UInt64(headerBytes.count)).littleEndian) { bytes += $0 }
        return Data(bytes + headerBytes + data)
    }

    /// The error text for decoding `data` as `x.safetensors`, or nil when it decodes.
    private func message(_ data: Data) -> String? {
        do {
            _ = try Safetensors.decode(data, fileName: "x.safetensors")
            return nil
        } catch {
            return error.description
        }
    }

    private let eight = [UInt8](repeating: 0, count: 8)

    @Test func readsAHandWrittenFile() throws {
        let contents = try Safetensors.decode(file(
            #"{"b":{"dtype":"F16","shape":[2],"data_offsets":[8,12]},"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"#
                + #""__metadata__":{"format":"pt"}}"#,
            data: ArchiveBytes.float32([1.5, -2]) + [0x00, 0x3C, 0x00, 0xC0]))
        #expect(contents.stateDict.keys == ["a", "b"])
        #expect(contents.stateDict["a"]?.storage == [1.5, -2])
        #expect(contents.stateDict["b"]?.storage == [1, -2])
        #expect(contents.storedTypes == ["a": .float32, "b": .float16])
        #expect(contents.metadata == ["format": "pt"])
    }

    @Test func decodesBytesThatAreASliceOfLargerData() throws {
        let whole = Data([0xAA, 0xBB]) + file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#,
                                             data: ArchiveBytes.float32([0.5]))
        #expect(try Safetensors.decode(whole.dropFirst(2)).stateDict["a"]?.storage == [0.5])
    }

    @Test func emptyFile() {
        #expect(message(Data()) == "x.safetensors: file is empty")
    }

    @Test func shorterThanTheLengthField() {
        #expect(message(Data([1, 2, 3, 4, 5])) == "x.safetensors: 5 bytes is too short for the 8-byte safetensors header length")
    }

    @Test func headerLengthBeyondTheFile() {
        let data = file(headerBytes: Array("{}".utf8), data: eight, declaredLength: 1000)
        #expect(message(data) == "x.safetensors: header length 1000 runs past the end of the file (18 bytes, of which 8 are the length)")
    }

    @Test func hugeHeaderLengthDoesNotOverflow() {
        let data = file(headerBytes: Array("{}".utf8), declaredLength: .max)
        #expect(message(data) == "x.safetensors: header length 18446744073709551615 runs past the end of the file "
                + "(10 bytes, of which 8 are the length)")
    }

    @Test func headerLongerThanTheCap() throws {
        let header = #"{"__metadata__":{"note":"\#(String(repeating: "x", count: 100))"}}"#
        let error = #expect(throws: ModelFileError.self) {
            try SafetensorsDecoder(fileName: "x.safetensors", headerLengthLimit: 64).decode(file(header))
        }
        #expect(error?.description == "x.safetensors: header length 128 exceeds the limit of 64 bytes")
    }

    @Test func headerNotUTF8() {
        let data = file(headerBytes: Array(#"{"a"#.utf8) + [0xFF] + Array(#"":1}"#.utf8))
        #expect(message(data) == "x.safetensors: header is not valid UTF-8 (byte at file offset 11)")
    }

    @Test func headerNotJSON() {
        #expect(message(file(#"{"a": {"dtype": "F32",}"#))?.hasPrefix("x.safetensors: header is not valid JSON: ") == true)
    }

    @Test func headerIsAnArray() {
        #expect(message(file("[1, 2]")) == "x.safetensors: header is JSON but not an object")
    }

    @Test func duplicateTensorName() {
        let data = file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"a":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
                        data: eight)
        #expect(message(data) == "x.safetensors: header names 'a' twice")
    }

    @Test func duplicateNameSpelledWithAnEscape() {
        let data = file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"\u0061":{"dtype":"F32","shape":[1],"data_offsets":[4,8]}}"#,
                        data: eight)
        #expect(message(data) == "x.safetensors: header names 'a' twice")
    }

    @Test func duplicateFieldInAnEntry() {
        let data = file(#"{"a":{"dtype":"F32","dtype":"I64","shape":[1],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])
        #expect(message(data) == "x.safetensors: header entry 'a' has field 'dtype' twice")
    }

    @Test func unsupportedDType() {
        let data = file(#"{"steps":{"dtype":"I64","shape":[1],"data_offsets":[0,8]}}"#, data: eight)
        #expect(message(data) == "x.safetensors: tensor 'steps' has unsupported dtype 'I64' (only F32, F16, BF16 and F64 are read)")
    }

    @Test func unknownDType() {
        let data = file(#"{"mask":{"dtype":"U8","shape":[8],"data_offsets":[0,8]}}"#, data: eight)
        #expect(message(data) == "x.safetensors: tensor 'mask' has unsupported dtype 'U8' (only F32, F16, BF16 and F64 are read)")
    }

    @Test func shapeDisagreesWithByteCount() {
        let data = file(#"{"a":{"dtype":"F32","shape":[2,3],"data_offsets":[0,20]}}"#, data: [UInt8](repeating: 0, count: 20))
        #expect(message(data) == "x.safetensors: tensor 'a': shape [2, 3] of F32 needs 24 bytes but its data_offsets span 20")
    }

    @Test func offsetsBeyondTheData() {
        let data = file(#"{"a":{"dtype":"F32","shape":[4],"data_offsets":[0,16]}}"#, data: eight)
        #expect(message(data) == "x.safetensors: tensor 'a': data_offsets end 16 lies past the 8 bytes of data")
    }

    @Test func overlappingTensors() {
        let data = file(#"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#,
                        data: eight + [0, 0, 0, 0])
        #expect(message(data) == "x.safetensors: tensors 'a' and 'b' overlap at data offset 4")
    }

    @Test func holeBetweenTensors() {
        let data = file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#,
                        data: eight + [0, 0, 0, 0])
        #expect(message(data) == "x.safetensors: 4 bytes at data offset 4 belong to no tensor")
    }

    @Test func trailingBytes() {
        let data = file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#, data: eight)
        #expect(message(data) == "x.safetensors: 4 bytes after the last tensor (data offset 4) belong to no tensor")
    }

    @Test func metadataValueNotAString() {
        let data = file(#"{"__metadata__":{"epoch":3}}"#)
        #expect(message(data) == "x.safetensors: __metadata__ value of 'epoch' is not a string")
    }

    @Test func missingField() {
        let data = file(#"{"a":{"dtype":"F32","data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])
        #expect(message(data) == "x.safetensors: tensor 'a': missing field 'shape'")
    }

    @Test func unexpectedField() {
        let data = file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4],"offsets":[0,4]}}"#, data: [0, 0, 0, 0])
        #expect(message(data) == "x.safetensors: tensor 'a': unexpected field 'offsets'")
    }

    @Test("shape that is not a list of non-negative integers", arguments: [#"[-1]"#, #"[1.5]"#, #""2""#, #"[18446744073709551616]"#])
    func badShape(shape: String) {
        let data = file(#"{"a":{"dtype":"F32","shape":\#(shape),"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])
        #expect(message(data) == "x.safetensors: tensor 'a': shape is not a list of non-negative integers")
    }

    @Test("data_offsets that are not an ordered pair", arguments: [#"[4,0]"#, #"[0]"#, #"[0,4,8]"#, #"[0,99999999999999999999999]"#])
    func badOffsets(offsets: String) {
        let data = file(#"{"a":{"dtype":"F32","shape":[1],"data_offsets":\#(offsets)}}"#, data: [0, 0, 0, 0])
        #expect(message(data) == "x.safetensors: tensor 'a': data_offsets is not a pair [begin, end] of integers with 0 <= begin <= end")
    }

    @Test func shapeWithTooManyElements() {
        let data = file(#"{"a":{"dtype":"F32","shape":[4611686018427387904,4],"data_offsets":[0,4]}}"#, data: [0, 0, 0, 0])
        #expect(message(data) == "x.safetensors: tensor 'a': shape [4611686018427387904, 4] has too many elements")
    }

    @Test func entryThatIsNoObject() {
        #expect(message(file(#"{"a":[1,2]}"#)) == "x.safetensors: tensor 'a': entry is not a JSON object")
    }

    @Test func emptyHeaderIsAnEmptyStateDict() throws {
        #expect(try Safetensors.decode(file("{}")).stateDict.isEmpty)
    }

    // MARK: - Found by fuzzing

    /// `safetensors` crash-af5d379f: a key holding an escaped newline broke the message over two lines.
    @Test func keyWithANewlineIsShownEscaped() throws {
        let input = try #require(Data(base64Encoded: "NgAAAAAAAAB7ImFTdWJzdHJcbnBlIjoiRjMyIiwic2hhcGVLb2xsZWN0ZGF0YV9vZmY/ZXRzMjQsIjoNMX19AAAAAAAAAAA="))
        #expect(message(input) == #"x.safetensors: tensor 'aSubstr\npe': entry is not a JSON object"#)
    }

    @Test func controlCharactersAndLineSeparatorsInKeysAreEscaped() {
        let data = file(#"{"a\r\u001b[2J\u2028b":{"dtype":"I8","shape":[],"data_offsets":[0,1]}}"#, data: [0])
        #expect(message(data) == #"x.safetensors: tensor 'a\r\u{1B}[2J\u{2028}b' has unsupported dtype 'I8' (only F32, F16, BF16 and F64 are read)"#)
    }
}
