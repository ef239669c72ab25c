import Testing

@Test func placeholderCairoBackendTests() { #expect(1 + 1 == 2) }
