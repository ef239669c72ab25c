import CKernels
import Foundation
import Synchronization

/// The kernel that runs every matrix product: nnreport's own at the best instruction set the
/// processor offers, or OpenBLAS, chosen once per process (`NNREPORT_KERNEL` overrides).
///
/// nnreport's own kernels compute each output element as one chain of fused multiply-adds in
/// ascending order of the inner index, at every instruction set, so `scalar`, `avx2` and `avx512`
/// give the same bits and a report does not depend on the processor. OpenBLAS sums in an order of
/// its own that differs between its core types (the last printed digit can change).
public struct MatrixKernel: Sendable, Equatable, CustomStringConvertible {
    /// An instruction set nnreport's own kernel is compiled for.
    public enum InstructionSet: String, CaseIterable, Sendable, Comparable {
        /// The x86-64 baseline: fused multiply-adds through libm, for processors without FMA.
        case scalar
        /// AVX2 with FMA3, 6x16 tiles.
        case avx2
        /// AVX-512F, 12x32 tiles.
        case avx512

        /// The C library's level.
        var level: nnr_level {
            switch self {
            case .scalar: NNR_LEVEL_SCALAR
            case .avx2: NNR_LEVEL_AVX2
            case .avx512: NNR_LEVEL_AVX512
            }
        }

        /// Whether this processor (and its operating system) can run it.
        public var isSupported: Bool { nnr_level_supported(level) != 0 }

        /// The best instruction set this processor supports.
        public static var best: InstructionSet {
            allCases.last { $0.isSupported } ?? .scalar
        }

        /// "avx2+fma, 6x16 tiles".
        public var summary: String {
            let tile = "\(nnr_tile_rows(level))x\(nnr_panel_width(level)) tiles"
            switch self {
            case .scalar: return "scalar fma, \(tile)"
            case .avx2: return "avx2+fma, \(tile)"
            case .avx512: return "avx512f, \(tile)"
            }
        }

        public static func < (left: InstructionSet, right: InstructionSet) -> Bool {
            allCases.firstIndex(of: left)! < allCases.firstIndex(of: right)!
        }
    }

    /// Where products run.
    public enum Backend: Sendable, Equatable {
        /// nnreport's own kernel.
        case native(InstructionSet)
        /// OpenBLAS's `cblas_sgemm`, with the core type it runs and whether the user chose it.
        case openBLAS(core: String, chosenByUser: Bool)
    }

    /// Where products run.
    public let backend: Backend
    /// Why this kernel: "best for this processor", "NNREPORT_KERNEL=avx2", …
    public let reason: String

    /// A kernel running on `backend`, chosen for `reason`.
    public init(backend: Backend, reason: String) {
        self.backend = backend
        self.reason = reason
    }

    /// "nnreport avx2+fma, 6x16 tiles (best for this processor)".
    public var description: String {
        switch backend {
        case .native(let set):
            return "nnreport \(set.summary) (\(reason))"
        case .openBLAS(let core, _):
            let version = String(cString: nnr_openblas_config()).split(separator: " ").prefix(2).joined(separator: " ")
            return "\(version.isEmpty ? "OpenBLAS" : version) \(core) kernel (\(reason))"
        }
    }

    /// The kernel for `NNREPORT_KERNEL` (unset or `auto`: the best native one).
    ///
    /// Values: `auto`, `avx512`, `avx2`, `scalar`, `openblas`. OpenBLAS's core type follows a
    /// user's `OPENBLAS_CORETYPE`, otherwise the processor (see `nnr_openblas_load`).
    public static func select(environment: [String: String]) throws(MatrixKernelError) -> MatrixKernel {
        let requested = environment["NNREPORT_KERNEL"] ?? ""
        switch requested {
        case "", "auto":
            return MatrixKernel(backend: .native(.best), reason: "best for this processor")
        case "openblas":
            var message = [CChar](repeating: 0, count: 512)
            var chosenByUser: Int32 = 0
            guard nnr_openblas_load(&message, message.count, &chosenByUser) != 0 else {
                throw .openBLASUnavailable(reason: String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
            }
            let core = String(cString: nnr_openblas_core())
            let reason = chosenByUser != 0 ? "NNREPORT_KERNEL=openblas, OPENBLAS_CORETYPE=\(core)"
                                           : "NNREPORT_KERNEL=openblas, core type chosen for this processor"
            return MatrixKernel(backend: .openBLAS(core: core, chosenByUser: chosenByUser != 0), reason: reason)
        default:
            guard let set = InstructionSet(rawValue: requested) else { throw .unknown(requested) }
            guard set.isSupported else { throw .unsupported(set) }
            return MatrixKernel(backend: .native(set), reason: "NNREPORT_KERNEL=\(requested)")
        }
    }

    // MARK: - The process's kernel

    /// The environment's choice, made once; a bad `NNREPORT_KERNEL` is kept as its error.
    public static let selection: Result<MatrixKernel, MatrixKernelError> = {
        do throws(MatrixKernelError) {
            return .success(try select(environment: ProcessInfo.processInfo.environment))
        } catch {
            return .failure(error)
        }
    }()

    /// The kernel products use now: the environment's choice, or the best native one if that choice failed.
    public static var active: MatrixKernel {
        get { activeKernel.withLock { $0 } }
        set { activeKernel.withLock { $0 = newValue } }
    }

    private static let activeKernel = Mutex<MatrixKernel>(
        (try? selection.get()) ?? MatrixKernel(backend: .native(.best), reason: "best for this processor"))

    /// The native instruction set, when the backend is nnreport's own.
    var instructionSet: InstructionSet? {
        if case .native(let set) = backend { return set }
        return nil
    }
}

/// Why `NNREPORT_KERNEL` cannot be honoured.
public enum MatrixKernelError: Error, Equatable, CustomStringConvertible {
    /// Not one of the known names.
    case unknown(String)
    /// An instruction set this processor lacks.
    case unsupported(MatrixKernel.InstructionSet)
    /// OpenBLAS could not be loaded.
    case openBLASUnavailable(reason: String)

    public var description: String {
        switch self {
        case .unknown(let value):
            return "NNREPORT_KERNEL=\(value) is not one of auto|avx512|avx2|scalar|openblas"
        case .unsupported(let set):
            return "NNREPORT_KERNEL=\(set.rawValue): this processor does not support \(set.rawValue)"
        case .openBLASUnavailable(let reason):
            return "NNREPORT_KERNEL=openblas: \(reason)"
        }
    }
}
