/// Which dataset to use, by the name the command line takes (`mnist-sample`, `mnist`, `fashion-mnist`).
public enum DatasetKind: String, CaseIterable, Sendable {
    /// The 5,000-digit MNIST sample embedded in the tool.
    case mnistSample = "mnist-sample"
    /// Full MNIST (60,000 + 10,000 digits) from a directory.
    case mnist
    /// Fashion-MNIST (60,000 + 10,000 clothing images) from a directory or Debian's package.
    case fashionMNIST = "fashion-mnist"

    /// The name of each class, indexed by label.
    public var classNames: [String] {
        switch self {
        case .mnistSample, .mnist: return (0...9).map(String.init)
        case .fashionMNIST: return Self.fashionMNISTClassNames
        }
    }

    /// Zalando's names for Fashion-MNIST labels 0–9.
    public static let fashionMNISTClassNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]
}
