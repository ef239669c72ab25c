/// Placeholder: prints the Figures benchmark figures.
func benchmarkFigures() {}
