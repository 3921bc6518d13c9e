import Foundation

/// A minimal HTTP/1.1 client on a plain socket to 127.0.0.1, so tests can send paths exactly
/// as written (`/../`, `%2e%2e`) and read a server-sent events stream. Every read has a
/// timeout, generous because `swift test` runs the core's CPU-heavy tests alongside.
struct RawHTTP {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    let port: Int

    func get(_ path: String, headers: [String: String] = [:], method: String = "GET") throws -> Reply {
        let socket = try Self.connect(port: port)
        defer { close(socket) }
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        try Self.send(request + "\r\n", on: socket)
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            data += buffer[..<count]
        }
        return try Self.parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) throws -> Reply {
        guard let split = text.range(of: "\r\n\r\n") else { throw Failure("no HTTP reply: \(text.prefix(200))") }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = lines.first, let status = Int(statusLine.split(separator: " ")[1]) else { throw Failure("bad status line") }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(text[split.upperBound...]))
    }

    static func connect(port: Int, timeout seconds: Int = 30) throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw Failure("socket failed") }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(socket); throw Failure("cannot connect to port \(port)") }
        return socket
    }

    static func send(_ text: String, on socket: Int32) throws {
        let bytes = Array(text.utf8)
        guard write(socket, bytes, bytes.count) == bytes.count else { throw Failure("send failed") }
    }
}

/// Reads a server-sent events stream on a thread of its own and lets a test wait for a frame.
final class EventStreamReader: @unchecked Sendable {
    private let socket: Int32
    private let lock = NSLock()
    private var received = ""

    init(port: Int, path: String) throws {
        socket = try RawHTTP.connect(port: port, timeout: 1)
        try RawHTTP.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", on: socket)
        Thread { [self] in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(socket, &buffer, buffer.count)
                if count == 0 { break }
                if count < 0 { if errno == EAGAIN || errno == EINTR { continue } else { break } }
                let text = String(decoding: buffer[..<count], as: UTF8.self)
                lock.withLock { received += text }
            }
        }.start()
    }

    var text: String { lock.withLock { received } }

    /// Waits up to `timeout` for `needle` to appear; true when it did.
    func wait(for needle: String, timeout: Duration = .seconds(30)) async -> Bool {
        await eventually(timeout: timeout) { self.text.contains(needle) }
    }

    func close() { shutdown(socket, Int32(SHUT_RDWR)) }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
func eventually(timeout: Duration = .seconds(30), _ condition: () throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try condition()
}
