import Testing

@Test func placeholderDatasetsTests() { #expect(1 + 1 == 2) }
