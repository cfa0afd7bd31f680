import Foundation

/// The CPU time a server has used, read from the kernel: steadier than requests per second on a
/// shared machine, and what a server costs whatever else runs beside it. Linux reads `/proc`;
/// elsewhere the figures are `nil` (the report says so).
package enum ProcessCPU {
    /// User and system seconds of process `pid`, threads included, and of every process under
    /// it (`next start` serves from a child) unless `children` is false.
    package static func seconds(ofTreeAt pid: Int32, children: Bool = true) -> Double? {
        #if os(Linux)
        let table = processes()
        guard table[pid] != nil else { return nil }
        var total = 0.0, waiting = [pid], seen: Set<Int32> = []
        while let next = waiting.popLast() {
            guard seen.insert(next).inserted, let process = table[next] else { continue }
            total += process.cpu
            if children { waiting += table.filter { $0.value.parent == next }.map(\.key) }
        }
        return total
        #else
        return nil
        #endif
    }

    /// The process that listens on TCP port `port` of this machine: the socket's inode from
    /// `/proc/net/tcp` (and `tcp6`), then the process holding it. `nil` when not found (a server
    /// on another machine, or another user's process).
    package static func listener(port: Int) -> Int32? {
        #if os(Linux)
        let hexPort = String(format: "%04X", port)
        var inodes: Set<String> = []
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                let fields = line.split(separator: " ", omittingEmptySubsequences: true)
                guard fields.count > 9, fields[1].hasSuffix(":" + hexPort), fields[3] == "0A" else { continue }  // 0A: LISTEN
                inodes.insert(String(fields[9]))
            }
        }
        guard !inodes.isEmpty, let pids = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for name in pids {
            guard let pid = Int32(name), let fds = try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(name)/fd") else { continue }
            for fd in fds {
                guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(name)/fd/\(fd)"),
                    target.hasPrefix("socket:["), inodes.contains(String(target.dropFirst("socket:[".count).dropLast()))
                else { continue }
                return pid
            }
        }
        return nil
        #else
        return nil
        #endif
    }

    #if os(Linux)
    /// Every process's parent and CPU seconds, from `/proc/<pid>/stat`.
    private static func processes() -> [Int32: (parent: Int32, cpu: Double)] {
        let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
        var table: [Int32: (parent: Int32, cpu: Double)] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = Int32(name), let stat = try? String(contentsOfFile: "/proc/\(name)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }
            // After "pid (comm)": state ppid … utime (14th field) stime (15th).
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 12, let parent = Int32(fields[1]), let user = Double(fields[11]), let system = Double(fields[12]) else { continue }
            table[pid] = (parent, (user + system) / ticks)
        }
        return table
    }
    #endif
}
