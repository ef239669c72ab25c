import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol on a pipe (`--remote-debugging-pipe`: the browser reads
/// commands on fd 3 and writes replies and events on fd 4, each JSON message ended by a NUL byte).
final class ChromiumSession {
    /// A failure of the browser or the protocol, as one line.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The path tests use, overridable with NNREPORT_CHROMIUM.
    static var executable: String {
        ProcessInfo.processInfo.environment["NNREPORT_CHROMIUM"] ?? "/usr/bin/chromium"
    }

    private let pid: pid_t
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private let deadline: Double
    private let profile: URL
    private var buffer: [UInt8] = []
    private var nextID = 1
    private var sessionID: String?
    /// Every event received so far (method and params), in order.
    private(set) var events: [(method: String, params: [String: Any])] = []

    /// Starts Chromium with a fresh profile; every call must finish within `timeout` seconds of now.
    init(timeout: Double) throws {
        deadline = Self.now() + timeout
        profile = FileManager.default.temporaryDirectory.appendingPathComponent("nnreport-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        // Two pipes, moved above fd 10 so that dup2 onto 3 and 4 in the child never meets them there.
        let commands = try Self.pipeAbove(10), replies = try Self.pipeAbove(10)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, profile.appendingPathComponent("stderr.log").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, commands.read, 3)
        posix_spawn_file_actions_adddup2(&actions, replies.write, 4)
        let arguments = [
            Self.executable, "--headless=new", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
            "--user-data-dir=\(profile.path)", "--no-first-run", "--no-default-browser-check", "--disable-extensions",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            "--hide-scrollbars", "--mute-audio", "--window-size=1024,768", "about:blank",
        ]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var environment: [UnsafeMutablePointer<CChar>?] = ProcessInfo.processInfo.environment.map { strdup("\($0)=\($1)") } + [nil]
        defer { environment.forEach { free($0) } }
        var child: pid_t = 0
        let status = posix_spawn(&child, Self.executable, &actions, nil, &argv, &environment)
        Glibc.close(commands.read)
        Glibc.close(replies.write)
        guard status == 0 else {
            Glibc.close(commands.write)
            Glibc.close(replies.read)
            throw Failure(description: "cannot start \(Self.executable): \(String(cString: strerror(status)))")
        }
        pid = child
        toBrowser = commands.write
        fromBrowser = replies.read
    }

    deinit { close() }

    /// Ends the browser (politely, then SIGKILL) and removes its profile; safe to call twice.
    func close() {
        guard !closed else { return }
        _ = try? send("Browser.close", [:], session: false, wait: false)
        var status: Int32 = 0
        let give = Self.now() + 3
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Self.now() > give {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(20_000)
        }
        Glibc.close(toBrowser)
        Glibc.close(fromBrowser)
        try? FileManager.default.removeItem(at: profile)
        closed = true
    }
    private var closed = false

    // MARK: - Protocol

    /// Opens a new page and attaches to it; later commands go to that page.
    func openPage() throws {
        let target = try send("Target.createTarget", ["url": "about:blank"], session: false)
        guard let targetID = target["targetId"] as? String else { throw Failure(description: "no targetId in \(target)") }
        let attached = try send("Target.attachToTarget", ["targetId": targetID, "flatten": true], session: false)
        guard let session = attached["sessionId"] as? String else { throw Failure(description: "no sessionId in \(attached)") }
        sessionID = session
    }

    /// Sends a command and waits for its reply (collecting events meanwhile); returns the reply's result.
    @discardableResult
    func send(_ method: String, _ params: [String: Any] = [:], session: Bool = true, wait: Bool = true) throws -> [String: Any] {
        guard !closed else { throw Failure(description: "browser already closed") }
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": params]
        if session, let sessionID { message["sessionId"] = sessionID }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.write(toBrowser, $0.baseAddress!, $0.count) }
            guard written > 0 else { throw Failure(description: "cannot write to the browser: \(String(cString: strerror(errno)))") }
            offset += written
        }
        guard wait else { return [:] }
        while true {
            let reply = try nextMessage()
            guard reply["id"] as? Int == id else { continue }
            if let error = reply["error"] as? [String: Any] {
                throw Failure(description: "\(method) failed: \(error["message"] ?? error)")
            }
            return reply["result"] as? [String: Any] ?? [:]
        }
    }

    /// Waits until an event named `method` has arrived (or the deadline passes).
    func waitForEvent(_ method: String) throws -> [String: Any] {
        var seen = 0
        while true {
            if let event = events[seen...].first(where: { $0.method == method }) { return event.params }
            seen = events.count
            _ = try nextMessage()
        }
    }

    /// Reads messages for `seconds` (late events such as failed requests or console errors).
    func drain(for seconds: Double) {
        let until = min(Self.now() + seconds, deadline)
        while Self.now() < until, (try? nextMessage(until: until)) != nil {}
    }

    /// The next message; events are appended to `events` as they pass.
    private func nextMessage(until: Double? = nil) throws -> [String: Any] {
        let limit = until ?? deadline
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let data = Data(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let message = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
                if let method = message["method"] as? String {
                    events.append((method, message["params"] as? [String: Any] ?? [:]))
                }
                return message
            }
            let remaining = limit - Self.now()
            guard remaining > 0 else { throw Failure(description: "timed out waiting for the browser") }
            var descriptor = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(max(1, remaining * 1000)))
            if ready < 0 && errno == EINTR { continue }
            guard ready > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fromBrowser, $0.baseAddress!, $0.count) }
            guard count > 0 else {
                let log = (try? String(contentsOf: profile.appendingPathComponent("stderr.log"), encoding: .utf8)) ?? ""
                throw Failure(description: "the browser closed its pipe; its stderr: \(log.suffix(600))")
            }
            buffer += chunk[..<count]
        }
    }

    // MARK: - Helpers

    private static func pipeAbove(_ minimum: Int32) throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw Failure(description: "pipe: \(String(cString: strerror(errno)))") }
        let read = fcntl(ends[0], F_DUPFD_CLOEXEC, minimum), write = fcntl(ends[1], F_DUPFD_CLOEXEC, minimum)
        Glibc.close(ends[0])
        Glibc.close(ends[1])
        guard read >= 0, write >= 0 else { throw Failure(description: "fcntl: \(String(cString: strerror(errno)))") }
        return (read, write)
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
