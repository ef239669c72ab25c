/// A restricted pickle interpreter for state dicts written by `torch.save`.
///
/// It implements only the opcodes torch.save emits for a state dict and builds `PickleValue`s:
/// it never imports, looks up or calls anything. GLOBAL names outside `PickleGlobal` are refused
/// on sight; REDUCE applies only OrderedDict and the tensor rebuilders, as data constructors.
/// Stack, marks, memo and nesting are bounded so hostile input fails with an error, not a crash.
struct Unpickler {
    /// Bounds on the interpreter's state.
    struct Limits {
        var stack = 1_000_000
        var memo = 4_000_000
        var marks = 1_000
        var depth = 64
        var lineLength = 1_024
        /// Items placed in tuples, lists and dicts, in all.
        var items = 8_000_000
    }

    private let bytes: [UInt8]
    private let file: String
    private let limits: Limits
    private var position = 0
    /// Where the opcode being executed starts, for error messages.
    private(set) var opcodeOffset = 0
    private var stack: [PickleValue] = []
    /// Stack heights at each open MARK.
    private var marks: [Int] = []
    private var memo: [Int: PickleValue] = [:]
    /// Items placed in containers so far, against `limits.items`.
    private var itemCount = 0

    /// An interpreter over the pickle `bytes` of the file named `file`.
    init(_ bytes: [UInt8], file: String, limits: Limits = Limits()) {
        self.bytes = bytes
        self.file = file
        self.limits = limits
    }

    /// Runs the pickle to its STOP and returns the single value it built.
    mutating func load() throws(ModelFileError) -> PickleValue {
        while true {
            opcodeOffset = position
            let code = try readByte()
            guard let opcode = PickleOpcode(rawValue: code) else {
                throw failure(.unsupportedOpcode(code, offset: opcodeOffset))
            }
            if opcode == .stop { return try finish() }
            try execute(opcode)
        }
    }

    // MARK: - Opcodes

    private mutating func execute(_ opcode: PickleOpcode) throws(ModelFileError) {
        switch opcode {
        case .proto:
            let version = try readByte()
            guard (2...5).contains(version) else { throw malformed("pickle protocol \(version) is not supported") }
        case .frame:
            let length = try readInteger(UInt64.self)
            guard length <= UInt64(bytes.count - position) else { throw failure(.truncatedPickle(offset: bytes.count)) }
        case .stop:
            break  // Handled by `load`.
        case .mark:
            guard marks.count < limits.marks else { throw malformed("more than \(limits.marks) nested MARKs") }
            marks.append(stack.count)
        case .emptyDict:
            try push(.dict(PickleDict(isOrdered: false)))
        case .emptyList:
            try push(.list(PickleList()))
        case .emptyTuple:
            try push(.tuple(PickleTuple([])))
        case .tuple:
            try push(.tuple(makeTuple(popToMark())))
        case .tuple1, .tuple2, .tuple3:
            let count = Int(opcode.rawValue - PickleOpcode.tuple1.rawValue) + 1
            var items: [PickleValue] = []
            for _ in 0..<count { items.insert(try pop(), at: 0) }
            try push(.tuple(makeTuple(items)))
        case .none:
            try push(.none)
        case .newTrue:
            try push(.bool(true))
        case .newFalse:
            try push(.bool(false))
        case .binInt:
            try push(.int(Int(Int32(bitPattern: try readInteger(UInt32.self)))))
        case .binInt1:
            try push(.int(Int(try readByte())))
        case .binInt2:
            try push(.int(Int(try readInteger(UInt16.self))))
        case .long1:
            try push(.int(try readLong(byteCount: Int(try readByte()))))
        case .binUnicode:
            try push(.string(try readString(byteCount: Int(try readInteger(UInt32.self)))))
        case .shortBinUnicode:
            try push(.string(try readString(byteCount: Int(try readByte()))))
        case .binPut:
            try store(at: Int(try readByte()))
        case .longBinPut:
            try store(at: Int(try readInteger(UInt32.self)))
        case .memoize:
            try store(at: memo.count)
        case .binGet:
            try push(try fetch(Int(try readByte())))
        case .longBinGet:
            try push(try fetch(Int(try readInteger(UInt32.self))))
        case .setItem:
            let value = try pop(), key = try pop()
            try setItems([key, value], in: try top())
        case .setItems:
            let items = try popToMark()
            try setItems(items, in: try top())
        case .append:
            let value = try pop()
            try append([value], to: try top())
        case .appends:
            let items = try popToMark()
            try append(items, to: try top())
        case .global:
            let module = try readLine(), name = try readLine()
            try push(.global(try resolve(module: module, name: name)))
        case .stackGlobal:
            let name = try pop(), module = try pop()
            guard case .string(let nameText) = name, case .string(let moduleText) = module else {
                throw malformed("STACK_GLOBAL needs two strings, got \(module.kindName) and \(name.kindName)")
            }
            try push(.global(try resolve(module: moduleText, name: nameText)))
        case .reduce:
            let arguments = try pop(), callable = try pop()
            try push(try reduce(callable, arguments))
        case .build:
            let state = try pop()
            try build(try top(), state: state)
        case .binPersID:
            try push(.storage(try persistentStorage(try pop())))
        }
    }

    /// The value at STOP: exactly one on the stack, no open MARK, nothing after.
    private func finish() throws(ModelFileError) -> PickleValue {
        guard marks.isEmpty, stack.count == 1 else {
            throw malformed("STOP leaves \(stack.count) values and \(marks.count) open MARKs on the stack (expected one value)")
        }
        guard position == bytes.count else {
            throw malformed("\(bytes.count - position) bytes follow STOP")
        }
        return stack[0]
    }

    // MARK: - Containers

    /// A tuple of `items`, which become frozen.
    private mutating func makeTuple(_ items: [PickleValue]) throws(ModelFileError) -> PickleTuple {
        for item in items { try nest(item) }
        let tuple = PickleTuple(items)
        guard tuple.depth <= limits.depth else { throw malformed("objects nest deeper than \(limits.depth) levels") }
        return tuple
    }

    /// SETITEM(S): key/value pairs into the dict `target`.
    private mutating func setItems(_ items: [PickleValue], in target: PickleValue) throws(ModelFileError) {
        guard case .dict(let dict) = target else { throw malformed("SETITEM on \(target.kindName), not a dict") }
        guard items.count.isMultiple(of: 2) else { throw malformed("SETITEMS with an odd number of items") }
        try checkMutable(dict.isNested)
        for index in stride(from: 0, to: items.count, by: 2) {
            let (key, value) = (items[index], items[index + 1])
            guard let hashable = key.asKey else { throw malformed("dict key is \(key.kindName), not a plain scalar") }
            guard !dict.contains(hashable) else { throw malformed("dict key \(describe(key)) is set twice") }
            if case .dict(let inner) = value, inner === dict { throw malformed("a dict is put inside itself") }
            try nest(value)
            guard value.depth + 1 <= limits.depth else { throw malformed("objects nest deeper than \(limits.depth) levels") }
            dict.insert(hashable, value)
        }
    }

    /// APPEND(S): items onto the list `target`.
    private mutating func append(_ items: [PickleValue], to target: PickleValue) throws(ModelFileError) {
        guard case .list(let list) = target else { throw malformed("APPEND on \(target.kindName), not a list") }
        try checkMutable(list.isNested)
        for item in items {
            if case .list(let inner) = item, inner === list { throw malformed("a list is put inside itself") }
            try nest(item)
            guard item.depth + 1 <= limits.depth else { throw malformed("objects nest deeper than \(limits.depth) levels") }
            list.append(item)
        }
    }

    /// Counts `value` as placed inside another object; a dict or list then can no longer change.
    private mutating func nest(_ value: PickleValue) throws(ModelFileError) {
        itemCount += 1
        guard itemCount <= limits.items else { throw malformed("more than \(limits.items) items in containers") }
        switch value {
        case .dict(let dict): dict.isNested = true
        case .list(let list): list.isNested = true
        default: break
        }
    }

    private func checkMutable(_ isNested: Bool) throws(ModelFileError) {
        guard !isNested else { throw malformed("a dict or list changes after being placed inside another object") }
    }

    /// `'0.weight'` or `3` for messages.
    private func describe(_ key: PickleValue) -> String {
        if case .string(let text) = key { return "'\(text)'" }
        if case .int(let number) = key { return String(number) }
        return key.kindName
    }

    // MARK: - Stack and memo

    private mutating func push(_ value: PickleValue) throws(ModelFileError) {
        guard stack.count < limits.stack else { throw malformed("more than \(limits.stack) values on the stack") }
        stack.append(value)
    }

    private mutating func pop() throws(ModelFileError) -> PickleValue {
        guard stack.count > (marks.last ?? 0) else { throw malformed("an opcode needs a value but the stack is empty") }
        return stack.removeLast()
    }

    private func top() throws(ModelFileError) -> PickleValue {
        guard let last = stack.last, stack.count > (marks.last ?? 0) else {
            throw malformed("an opcode needs a value but the stack is empty")
        }
        return last
    }

    /// The values pushed since the last MARK, which is closed.
    private mutating func popToMark() throws(ModelFileError) -> [PickleValue] {
        guard let mark = marks.popLast() else { throw malformed("an opcode needs a MARK but none is open") }
        let items = Array(stack[mark...])
        stack.removeSubrange(mark...)
        return items
    }

    private mutating func store(at index: Int) throws(ModelFileError) {
        guard memo[index] != nil || memo.count < limits.memo else {
            throw malformed("more than \(limits.memo) memo entries")
        }
        memo[index] = try top()
    }

    private func fetch(_ index: Int) throws(ModelFileError) -> PickleValue {
        guard let value = memo[index] else { throw malformed("memo entry \(index) is read before it is stored") }
        return value
    }

    // MARK: - Operands

    private mutating func readByte() throws(ModelFileError) -> UInt8 {
        guard position < bytes.count else { throw failure(.truncatedPickle(offset: bytes.count)) }
        defer { position += 1 }
        return bytes[position]
    }

    /// A little-endian unsigned integer operand.
    private mutating func readInteger<T: FixedWidthInteger & UnsignedInteger>(_ type: T.Type) throws(ModelFileError) -> T {
        let size = MemoryLayout<T>.size
        guard bytes.count - position >= size else { throw failure(.truncatedPickle(offset: bytes.count)) }
        var value: T = 0
        for index in 0..<size { value |= T(bytes[position + index]) << (8 * index) }
        position += size
        return value
    }

    /// LONG1's little-endian two's-complement integer of `byteCount` bytes.
    private mutating func readLong(byteCount: Int) throws(ModelFileError) -> Int {
        guard byteCount <= 8 else { throw malformed("a \(byteCount)-byte integer does not fit in 64 bits") }
        guard bytes.count - position >= byteCount else { throw failure(.truncatedPickle(offset: bytes.count)) }
        guard byteCount > 0 else { return 0 }
        var value: UInt64 = 0
        for index in 0..<byteCount { value |= UInt64(bytes[position + index]) << (8 * index) }
        position += byteCount
        // Sign-extend from the top bit of the last byte.
        let unused = 64 - 8 * byteCount
        return Int(Int64(bitPattern: value << unused) >> unused)
    }

    /// A UTF-8 string operand of `byteCount` bytes.
    private mutating func readString(byteCount: Int) throws(ModelFileError) -> String {
        guard bytes.count - position >= byteCount else { throw failure(.truncatedPickle(offset: bytes.count)) }
        let slice = bytes[position..<(position + byteCount)]
        position += byteCount
        guard let text = String(validating: slice, as: UTF8.self) else { throw malformed("a string is not valid UTF-8") }
        return text
    }

    /// A newline-terminated GLOBAL operand.
    private mutating func readLine() throws(ModelFileError) -> String {
        let start = position
        while true {
            let byte = try readByte()
            if byte == UInt8(ascii: "\n") { break }
            guard position - start <= limits.lineLength else { throw malformed("a GLOBAL name is too long") }
        }
        guard let text = String(validating: bytes[start..<(position - 1)], as: UTF8.self) else {
            throw malformed("a GLOBAL name is not valid UTF-8")
        }
        return text
    }

    // MARK: - Errors

    func failure(_ problem: ModelFileError.Problem) -> ModelFileError {
        ModelFileError(file: file, problem: problem)
    }

    /// A malformed-pickle error at the current opcode.
    func malformed(_ reason: String) -> ModelFileError {
        failure(.malformedPickle(reason: reason, offset: opcodeOffset))
    }
}
