import Testing

@Test func placeholderPlottingTests() { #expect(1 + 1 == 2) }
