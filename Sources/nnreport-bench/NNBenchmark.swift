/// Placeholder: prints the NN benchmark figures.
func benchmarkNN() {}
