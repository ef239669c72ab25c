import Foundation
// nnreport-bench: prints the benchmark figures each issue asks for.
//   nnreport-bench [all|nn|kernels|rng|data|train|figures|report]
let which = CommandLine.arguments.dropFirst().first ?? "all"
let known = ["all", "nn", "kernels", "rng", "data", "train", "figures", "report"]
guard known.contains(which) else {
    print("usage: nnreport-bench [\(known.joined(separator: "|"))]")
    exit(64)
}
if which == "all" || which == "nn" { benchmarkNN() }
if which == "all" || which == "kernels" { benchmarkKernels() }
if which == "all" || which == "rng" { benchmarkRandom() }
if which == "all" || which == "data" { benchmarkData() }
if which == "all" || which == "train" { benchmarkTrain() }
if which == "all" || which == "figures" { benchmarkFigures() }
if which == "all" || which == "report" { await benchmarkReport() }
