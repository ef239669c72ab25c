import Testing
@testable import Report

@Suite struct InlineCodeTests {
    @Test func splitsBacktickRunsIntoCodeSegments() {
        #expect(InlineCode.segments(of: "call `view(64, -1)` here") == [
            .init(text: "call ", isCode: false), .init(text: "view(64, -1)", isCode: true), .init(text: " here", isCode: false),
        ])
    }

    @Test func codeAtBothEndsAndAdjacentRuns() {
        #expect(InlineCode.segments(of: "`a``b`") == [.init(text: "a", isCode: true), .init(text: "b", isCode: true)])
    }

    @Test func unpairedBacktickStaysLiteral() {
        #expect(InlineCode.segments(of: "it's a ` tick") == [.init(text: "it's a ` tick", isCode: false)])
        #expect(InlineCode.segments(of: "") == [])
    }
}
