import Testing

@Test func placeholderReportTests() { #expect(1 + 1 == 2) }
