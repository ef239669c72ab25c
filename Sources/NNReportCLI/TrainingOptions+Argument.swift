import ArgumentParser
import Notebook

/// `--optimizer sgd|adam`.
extension TrainingOptions.OptimizerKind: ExpressibleByArgument {}
