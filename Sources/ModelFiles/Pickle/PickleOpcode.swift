/// The pickle opcodes the restricted unpickler implements: those torch.save emits for a state dict.
///
/// Values are the opcode bytes of Python's pickle protocol (`pickletools` names them).
enum PickleOpcode: UInt8 {
    case proto = 0x80            // PROTO: protocol number (1 byte)
    case frame = 0x95            // FRAME: length of the next frame (8 bytes)
    case stop = 0x2E             // STOP: '.'
    case mark = 0x28             // MARK: '('
    case emptyDict = 0x7D        // EMPTY_DICT: '}'
    case emptyList = 0x5D        // EMPTY_LIST: ']'
    case emptyTuple = 0x29       // EMPTY_TUPLE: ')'
    case tuple = 0x74            // TUPLE: 't', items since the mark
    case tuple1 = 0x85           // TUPLE1
    case tuple2 = 0x86           // TUPLE2
    case tuple3 = 0x87           // TUPLE3
    case none = 0x4E             // NONE: 'N'
    case newTrue = 0x88          // NEWTRUE
    case newFalse = 0x89         // NEWFALSE
    case binInt = 0x4A           // BININT: 'J', 4-byte signed
    case binInt1 = 0x4B          // BININT1: 'K', 1-byte unsigned
    case binInt2 = 0x4D          // BININT2: 'M', 2-byte unsigned
    case long1 = 0x8A            // LONG1: 1-byte length, little-endian two's complement
    case binUnicode = 0x58       // BINUNICODE: 'X', 4-byte length, UTF-8
    case shortBinUnicode = 0x8C  // SHORT_BINUNICODE: 1-byte length, UTF-8
    case binPut = 0x71           // BINPUT: 'q', 1-byte memo index
    case longBinPut = 0x72       // LONG_BINPUT: 'r', 4-byte memo index
    case memoize = 0x94          // MEMOIZE: next memo index
    case binGet = 0x68           // BINGET: 'h', 1-byte memo index
    case longBinGet = 0x6A       // LONG_BINGET: 'j', 4-byte memo index
    case setItem = 0x73          // SETITEM: 's'
    case setItems = 0x75         // SETITEMS: 'u', pairs since the mark
    case append = 0x61           // APPEND: 'a'
    case appends = 0x65          // APPENDS: 'e', items since the mark
    case global = 0x63           // GLOBAL: 'c', "module\nname\n"
    case stackGlobal = 0x93      // STACK_GLOBAL: module and name from the stack
    case reduce = 0x52           // REDUCE: 'R', callable(*args)
    case build = 0x62            // BUILD: 'b', object.__setstate__(state)
    case binPersID = 0x51        // BINPERSID: 'Q', persistent id from the stack
}
