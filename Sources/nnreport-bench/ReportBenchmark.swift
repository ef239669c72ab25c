/// Placeholder: prints the Report benchmark figures.
func benchmarkReport() {}
