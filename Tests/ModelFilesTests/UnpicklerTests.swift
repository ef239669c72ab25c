@testable import ModelFiles
import Testing

/// The restricted unpickler's value model, opcode by opcode.
@Suite("Restricted unpickler")
struct UnpicklerTests {
    private func load(_ bytes: [UInt8]) throws -> PickleValue {
        var unpickler = Unpickler(bytes, file: "t.pth")
        return try unpickler.load()
    }

    private func integer(_ bytes: [UInt8]) throws -> Int? {
        guard case .int(let value) = try load([0x80, 0x02] + bytes + [0x2E]) else { return nil }
        return value
    }

    @Test func integersOfEveryWidth() throws {
        #expect(try integer([0x4B, 0xFF]) == 255)                                 // BININT1
        #expect(try integer([0x4D, 0x00, 0x01]) == 256)                           // BININT2
        #expect(try integer([0x4A, 0xFF, 0xFF, 0xFF, 0xFF]) == -1)                // BININT
        #expect(try integer([0x8A, 0x05, 0x00, 0x00, 0x00, 0x80, 0x00]) == 1 << 31)   // LONG1, positive
        #expect(try integer([0x8A, 0x01, 0xFF]) == -1)                            // LONG1, negative
        #expect(try integer([0x8A, 0x00]) == 0)                                   // LONG1, empty
    }

    @Test func integerWiderThan64BitsIsRefused() {
        let error = #expect(throws: ModelFileError.self) {
            try load([0x80, 0x02, 0x8A, 0x09] + [UInt8](repeating: 0, count: 9) + [0x2E])
        }
        #expect(error?.description == "t.pth: data.pkl: a 9-byte integer does not fit in 64 bits at offset 2")
    }

    @Test func memoSharesOneDictAcrossReferences() throws {
        // d = {}; memo[300] = d (LONG_BINPUT); d['k'] = 1; then LONG_BINGET 300 is that same, filled dict.
        let bytes: [UInt8] = [0x80, 0x02, 0x7D, 0x72, 0x2C, 0x01, 0x00, 0x00,
                              0x8C, 0x01, 0x6B, 0x4B, 0x01, 0x73,        // SHORT_BINUNICODE 'k', BININT1 1, SETITEM
                              0x30 /* POP is not implemented */]
        let error = #expect(throws: ModelFileError.self) { try load(bytes) }
        #expect(error?.problem == .unsupportedOpcode(0x30, offset: 14))

        let shared: [UInt8] = [0x80, 0x02, 0x7D, 0x72, 0x2C, 0x01, 0x00, 0x00,
                               0x8C, 0x01, 0x6B, 0x4B, 0x01, 0x73,
                               0x6A, 0x2C, 0x01, 0x00, 0x00, 0x86, 0x2E]  // LONG_BINGET 300, TUPLE2, STOP
        guard case .tuple(let pair) = try load(shared), case .dict(let first) = pair.items[0],
              case .dict(let second) = pair.items[1] else {
            Issue.record("expected a pair of dicts")
            return
        }
        #expect(first === second)
        #expect(first.entries.count == 1)
    }

    @Test func protocol4FramesAndMemoize() throws {
        // PROTO 4, FRAME 3, EMPTY_LIST, MEMOIZE, MARK, BININT1 7, APPENDS, STOP.
        let value = try load([0x80, 0x04, 0x95, 0x06, 0, 0, 0, 0, 0, 0, 0, 0x5D, 0x94, 0x28, 0x4B, 0x07, 0x65, 0x2E])
        guard case .list(let list) = value, case .int(7) = list.items.first else {
            Issue.record("expected [7], got \(value.kindName)")
            return
        }
    }

    @Test func aDictCannotContainItself() {
        // d = {}; d['self'] = d
        let bytes: [UInt8] = [0x80, 0x02, 0x7D, 0x71, 0x00, 0x8C, 0x04] + Array("self".utf8) + [0x68, 0x00, 0x73, 0x2E]
        let error = #expect(throws: ModelFileError.self) { try load(bytes) }
        #expect(error?.description == "t.pth: data.pkl: a dict is put inside itself at offset 13")
    }

    @Test func stopMustLeaveExactlyOneValue() {
        let error = #expect(throws: ModelFileError.self) { try load([0x80, 0x02, 0x4E, 0x4E, 0x2E]) }
        #expect(error?.description
                == "t.pth: data.pkl: STOP leaves 2 values and 0 open MARKs on the stack (expected one value) at offset 4")
    }

    @Test func stringsMustBeUTF8() {
        let error = #expect(throws: ModelFileError.self) { try load([0x80, 0x02, 0x8C, 0x01, 0xC3, 0x2E]) }
        #expect(error?.description == "t.pth: data.pkl: a string is not valid UTF-8 at offset 2")
    }

    @Test func stringLengthBeyondThePickle() {
        let error = #expect(throws: ModelFileError.self) { try load([0x80, 0x02, 0x58, 0xFF, 0xFF, 0xFF, 0x7F, 0x2E]) }
        #expect(error?.problem == .truncatedPickle(offset: 8))
    }

    @Test func persistentIDMustNameAPlainRecord() {
        var pickle = PickleBytes()
        pickle.mark()
        pickle.string("storage")
        pickle.global("torch", "FloatStorage")
        pickle.string("../../etc/passwd")
        pickle.string("cpu")
        pickle.int(1)
        pickle.tuple()
        pickle.raw([0x51, 0x2E])
        let error = #expect(throws: ModelFileError.self) { try load(pickle.bytes) }
        #expect(error?.description == "t.pth: data.pkl: storage key '../../etc/passwd' is not a plain record name at offset 67")
    }

    @Test func containerItemsAreBounded() {
        // EMPTY_LIST, MARK, 5 × NONE, APPENDS with a limit of 4 items.
        var unpickler = Unpickler([0x80, 0x02, 0x5D, 0x28] + [UInt8](repeating: 0x4E, count: 5) + [0x65, 0x2E],
                                  file: "t.pth", limits: .init(items: 4))
        let error = #expect(throws: ModelFileError.self) { try unpickler.load() }
        #expect(error?.description == "t.pth: data.pkl: more than 4 items in containers at offset 9")
    }

    @Test func halfPrecisionWidensExactly() {
        #expect(ElementType.widenHalf(0x3C00) == 1)
        #expect(ElementType.widenHalf(0xC000) == -2)
        #expect(ElementType.widenHalf(0x0001) == 0x1p-24)              // smallest subnormal
        #expect(ElementType.widenHalf(0x7BFF) == 65504)                 // largest finite
        #expect(ElementType.widenHalf(0x7C00) == .infinity)
        #expect(ElementType.widenHalf(0x8000).bitPattern == (-0.0 as Float).bitPattern)
        #expect(ElementType.widenHalf(0x7E00).isNaN)
    }
}
