extension JSONScanner {
    /// The deepest container nesting `skipValue` accepts inside the value it skips.
    static let maximumSkipDepth = ContainerKindStack.capacity

    /// Skips the value at the current position (after whitespace), validating it fully.
    ///
    /// Containers are skipped with a loop and a bit stack rather than recursion, so a
    /// pathologically deep input gives "nesting too deep" instead of a stack overflow.
    mutating func skipValue() throws(JSONError) {
        let byte = try peekValueStart()
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            try skipContainer()
        } else {
            try skipScalar(startingWith: byte)
        }
    }

    /// Skips a string, number or literal whose first byte is `byte`.
    @inline(__always)
    private mutating func skipScalar(startingWith byte: UInt8) throws(JSONError) {
        switch byte {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "t"): try scanLiteral("true")
        case UInt8(ascii: "f"): try scanLiteral("false")
        case UInt8(ascii: "n"): try scanLiteral("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
        default: throw error(.expectedValue, at: position)
        }
    }

    /// Skips the object or array whose opening byte is at the current position.
    private mutating func skipContainer() throws(JSONError) {
        var open = ContainerKindStack()
        opening: while true {
            // The current byte is `{` or `[`: enter it.
            let isObject = input[position] == UInt8(ascii: "{")
            guard open.push(isObject: isObject) else { throw error(.nestingTooDeep, at: position) }
            position += 1
            skipWhitespace()
            guard position < end else { throw error(.unexpectedEnd, at: position) }
            var needsValue: Bool
            if input[position] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                position += 1
                open.pop()
                needsValue = false
            } else {
                if isObject { _ = try scanKeyAndColon() }
                needsValue = true
            }

            while true {
                if needsValue {
                    let byte = try peekValueStart()
                    if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") { continue opening }
                    try skipScalar(startingWith: byte)
                }
                guard open.depth > 0 else { return }
                // After a member or element of the innermost open container.
                skipWhitespace()
                guard position < end else { throw error(.unexpectedEnd, at: position) }
                let byte = input[position]
                let inObject = open.innermostIsObject
                if byte == UInt8(ascii: ",") {
                    position += 1
                    if inObject {
                        skipWhitespace()
                        _ = try scanKeyAndColon()
                    }
                    needsValue = true
                } else if byte == (inObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    position += 1
                    open.pop()
                    needsValue = false
                } else {
                    throw error(inObject ? .expectedCommaOrObjectEnd : .expectedCommaOrArrayEnd, at: position)
                }
            }
        }
    }
}

/// The kinds (object or array) of the containers currently open while skipping, one bit
/// per level, in four words held inline so that skipping never allocates.
struct ContainerKindStack {
    /// How many levels fit.
    static let capacity = 256

    private var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// The number of open containers.
    private(set) var depth = 0

    /// Opens a level; returns `false` (changing nothing) when the stack is full.
    @inline(__always)
    mutating func push(isObject: Bool) -> Bool {
        guard depth < Self.capacity else { return false }
        let bit: UInt64 = 1 << UInt64(depth & 63)
        let flag: UInt64 = isObject ? bit : 0
        switch depth >> 6 {
        case 0: words.0 = words.0 & ~bit | flag
        case 1: words.1 = words.1 & ~bit | flag
        case 2: words.2 = words.2 & ~bit | flag
        default: words.3 = words.3 & ~bit | flag
        }
        depth += 1
        return true
    }

    /// Closes the innermost level.
    @inline(__always)
    mutating func pop() {
        depth -= 1
    }

    /// Whether the innermost open container is an object (`false` for an array).
    @inline(__always)
    var innermostIsObject: Bool {
        let level = depth - 1
        let word: UInt64
        switch level >> 6 {
        case 0: word = words.0
        case 1: word = words.1
        case 2: word = words.2
        default: word = words.3
        }
        return word >> UInt64(level & 63) & 1 == 1
    }
}

extension JSONScanner {
    /// The offset just after the value that starts at `start`, found by matching brackets and
    /// string quotes only: string contents, numbers and literals are not checked. `nil` when
    /// the text ends first.
    ///
    /// Used to step over one list item that failed validation for a reason that leaves the
    /// text's structure intact (bad UTF-8 or a lone surrogate inside a string, a bad number),
    /// so that the items after it can still be read. A scalar item ends before the `,`, `]` or
    /// `}` that follows it.
    func endOfValueIgnoringContents(from start: Int) -> Int? {
        var index = start
        var depth = 0
        var inString = false
        while index < end {
            let byte = input[index]
            if inString {
                if byte == UInt8(ascii: "\\") {
                    index += 2
                    continue
                }
                if byte == UInt8(ascii: "\"") {
                    inString = false
                    if depth == 0 { return index + 1 }
                }
            } else {
                switch byte {
                case UInt8(ascii: "\""):
                    inString = true
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    if depth == 0 { return index }
                    depth -= 1
                    if depth == 0 { return index + 1 }
                case UInt8(ascii: ","):
                    if depth == 0 { return index }
                default:
                    break
                }
            }
            index += 1
        }
        return nil
    }
}
