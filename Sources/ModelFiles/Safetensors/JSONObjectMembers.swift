/// The byte ranges of one JSON object's members, so that repeated names can be detected.
///
/// Foundation's parsers keep one value per repeated name silently; this scanner only finds where
/// each member's name and value lie. It runs on text Foundation has already accepted as JSON, so
/// it tracks strings and nesting but does not validate; Foundation decodes every name and value.
struct JSONObjectMembers {
    /// One `"name": value` pair: the name's quoted string and the value, as ranges of the text.
    struct Member {
        var name: Range<Int>
        var value: Range<Int>
    }

    /// The members of the object spanning `range` of `text`, or nil when that value is not an object.
    static func members(of text: [UInt8], in range: Range<Int>) -> [Member]? {
        var scanner = JSONObjectMembers(text: text, position: range.lowerBound, end: range.upperBound)
        scanner.skipWhitespace()
        guard scanner.peek == UInt8(ascii: "{") else { return nil }
        scanner.position += 1
        var members: [Member] = []
        while true {
            scanner.skipWhitespace()
            guard let byte = scanner.peek else { return members }
            switch byte {
            case UInt8(ascii: "}"):
                return members
            case UInt8(ascii: ","):
                scanner.position += 1
            default:
                let name = scanner.skipValue()
                scanner.skipWhitespace()
                if scanner.peek == UInt8(ascii: ":") { scanner.position += 1 }
                scanner.skipWhitespace()
                let value = scanner.skipValue()
                members.append(Member(name: name, value: value))
            }
        }
    }

    /// The range of the whole JSON value spanning `range`, with surrounding whitespace trimmed.
    static func trimmed(_ text: [UInt8], _ range: Range<Int>) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isWhitespace(text[lower]) { lower += 1 }
        while upper > lower, isWhitespace(text[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    // MARK: - Scanning

    private let text: [UInt8]
    private var position: Int
    private let end: Int

    private init(text: [UInt8], position: Int, end: Int) {
        self.text = text
        self.position = position
        self.end = end
    }

    private var peek: UInt8? { position < end ? text[position] : nil }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private mutating func skipWhitespace() {
        while let byte = peek, Self.isWhitespace(byte) { position += 1 }
    }

    /// Moves past one value (string, object, array or scalar) and returns its range.
    private mutating func skipValue() -> Range<Int> {
        let start = position
        var depth = 0
        while let byte = peek {
            switch byte {
            case UInt8(ascii: "\""):
                skipString()
                if depth == 0 { return start..<position }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return start..<position }
                depth -= 1
                if depth == 0 {
                    position += 1
                    return start..<position
                }
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                if depth == 0 { return start..<position }
            default:
                if depth == 0 && Self.isWhitespace(byte) { return start..<position }
            }
            position += 1
        }
        return start..<position
    }

    /// Moves past a quoted string, honouring backslash escapes.
    private mutating func skipString() {
        position += 1
        while let byte = peek {
            position += 1
            if byte == UInt8(ascii: "\\") {
                position += 1
            } else if byte == UInt8(ascii: "\"") {
                return
            }
        }
    }
}
