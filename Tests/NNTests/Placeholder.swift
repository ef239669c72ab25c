import Testing

@Test func placeholderNNTests() { #expect(1 + 1 == 2) }
