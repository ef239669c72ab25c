/// Placeholder: prints the Data benchmark figures.
func benchmarkData() {}
