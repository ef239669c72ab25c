import NNReportCLI

/// The `nnreport` executable: all logic lives in NNReportCLI.
@main
enum NNReportMain {
    static func main() async {
        await NNReportCommand.main()
    }
}
