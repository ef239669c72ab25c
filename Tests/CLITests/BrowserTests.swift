import Foundation
import Testing

/// The report in a real browser: headless Chromium opens it from file:// and the test fails on any image that does
/// not load, any console error or exception, and any request that is not file: or data:. It runs on the fixture
/// report (known figures, both modes) and on the notebook's own report. Set NNREPORT_SCREENSHOT to a .png path to
/// keep screenshots of the notebook's report (desktop light, and `-phone-dark` beside it).
@Suite(.serialized) struct BrowserTests {
    @Test(arguments: [(fixtures: true, selfContained: false), (fixtures: true, selfContained: true), (fixtures: false, selfContained: false)])
    func reportLoadsOfflineWithoutErrors(fixtures: Bool, selfContained: Bool) async throws {
        guard FileManager.default.isExecutableFile(atPath: ChromiumSession.executable) else {
            Issue.record("Chromium is not installed at \(ChromiumSession.executable); `make test` installs it (scripts/setup.sh test), or set NNREPORT_CHROMIUM")
            return
        }
        let folder = try TemporaryFolder("nnreport-browser")
        defer { folder.remove() }
        let output = folder.url.appendingPathComponent("output", isDirectory: true)
        let run = await CommandRun.run(["generate", "--output", output.path, "--no-timings"] + (selfContained ? ["--self-contained"] : []),
                                       fixtures: fixtures)
        try #require(run.status == 0, "generate failed: \(run.stderr)")
        let page = output.appendingPathComponent("index.html")

        let browser = try ChromiumSession(timeout: 30)
        defer { browser.close() }
        try browser.openPage()
        for domain in ["Page", "Network", "Runtime", "Log"] { try browser.send("\(domain).enable") }
        try browser.send("Page.navigate", ["url": page.absoluteString])
        _ = try browser.waitForEvent("Page.loadEventFired")
        browser.drain(for: 0.3)

        // Every image decoded.
        let broken = try evaluate(browser, "Array.from(document.images).filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
        #expect((broken as? [Any])?.isEmpty == true, "images that did not load: \(broken)")
        // Natural size is twice the layout size (2x figures shown at their intended size).
        let sizes = try evaluate(browser, "Array.from(document.images).map(i => [i.naturalWidth, i.naturalHeight, i.width, i.height])") as? [[Int]] ?? []
        if fixtures {
            #expect(sizes == [[56, 56, 28, 28], [200, 40, 100, 20], [20, 20, 10, 10]])
        }
        for size in sizes {
            #expect(size[0] == 2 * size[2] && size[1] == 2 * size[3], "an image is not shown at half its pixel size: \(size)")
        }

        // No console error, exception or log error; no request other than file: and data:.
        let problems = browser.events.compactMap(problem)
        #expect(problems.isEmpty, "browser reported: \(problems)")
        let requested = browser.events.filter { $0.method == "Network.requestWillBeSent" }
            .compactMap { ($0.params["request"] as? [String: Any])?["url"] as? String }
        #expect(requested.contains(page.absoluteString), "the page itself was not seen as a request: \(requested)")
        #expect(requested.filter { !$0.hasPrefix("file:") && !$0.hasPrefix("data:") } == [], "external requests")

        // Screenshots of the notebook's report: desktop first (Chromium may not repaint scrolled blocks after emulation).
        let screenshotPath = ProcessInfo.processInfo.environment["NNREPORT_SCREENSHOT"].flatMap { path -> (light: URL, phone: URL)? in
            guard !fixtures else { return nil }
            let light = URL(fileURLWithPath: path)
            return (light, light.deletingLastPathComponent().appendingPathComponent(light.deletingPathExtension().lastPathComponent + "-phone-dark.png"))
        }
        if let light = screenshotPath?.light { try screenshot(browser, to: light) }

        // Readable on a phone: nothing wider than the screen, in dark mode too.
        try browser.send("Emulation.setDeviceMetricsOverride", ["width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": true])
        try browser.send("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": "dark"]]])
        let overflow = try evaluate(browser, "document.documentElement.scrollWidth - document.documentElement.clientWidth") as? Int
        #expect(overflow == 0, "the page is wider than a 390 px phone screen by \(overflow ?? -1) px")
        let background = try evaluate(browser, "getComputedStyle(document.body).backgroundColor") as? String
        #expect(background == "rgb(13, 17, 23)", "dark mode background: \(background ?? "none")")
        if !sizes.isEmpty {
            let figureCard = try evaluate(browser, "getComputedStyle(document.images[0]).backgroundColor") as? String
            #expect(figureCard == "rgb(255, 255, 255)", "figures keep a white card in dark mode")
        }

        if let phone = screenshotPath?.phone { try screenshot(browser, to: phone) }

        // Print: no table of contents, and long printouts wrap instead of being cut at the page edge.
        try browser.send("Emulation.setEmulatedMedia", ["media": "print"])
        let printed = try evaluate(browser, "[getComputedStyle(document.querySelector('.toc')).display, getComputedStyle(document.querySelector('pre')).whiteSpace]") as? [String]
        #expect(printed == ["none", "pre-wrap"])
    }

    /// Runtime.evaluate with the value returned by value.
    private func evaluate(_ browser: ChromiumSession, _ expression: String) throws -> Any {
        let reply = try browser.send("Runtime.evaluate", ["expression": expression, "returnByValue": true])
        if let exception = reply["exceptionDetails"] { throw ChromiumSession.Failure(description: "\(expression) threw \(exception)") }
        return (reply["result"] as? [String: Any])?["value"] ?? NSNull()
    }

    /// A one-line description of an event that means the page has a problem, or nil.
    private func problem(_ event: (method: String, params: [String: Any])) -> String? {
        switch event.method {
        case "Runtime.consoleAPICalled" where event.params["type"] as? String == "error":
            return "console.error: \(event.params["args"] ?? "")"
        case "Runtime.exceptionThrown":
            return "exception: \(event.params["exceptionDetails"] ?? "")"
        case "Log.entryAdded":
            guard let entry = event.params["entry"] as? [String: Any], entry["level"] as? String == "error" else { return nil }
            return "log error: \(entry["text"] ?? "") \(entry["url"] ?? "")"
        case "Network.loadingFailed":
            return "request failed: \(event.params["errorText"] ?? "")"
        default:
            return nil
        }
    }

    /// A full-page PNG screenshot.
    private func screenshot(_ browser: ChromiumSession, to url: URL) throws {
        let metrics = try browser.send("Page.getLayoutMetrics")
        let size = metrics["cssContentSize"] as? [String: Any] ?? metrics["contentSize"] as? [String: Any] ?? [:]
        let width = (size["width"] as? Double) ?? 1024, height = (size["height"] as? Double) ?? 768
        let shot = try browser.send("Page.captureScreenshot", [
            "format": "png", "captureBeyondViewport": true,
            "clip": ["x": 0, "y": 0, "width": width, "height": height, "scale": 1],
        ])
        guard let base64 = shot["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw ChromiumSession.Failure(description: "no screenshot data")
        }
        try data.write(to: url)
    }
}
