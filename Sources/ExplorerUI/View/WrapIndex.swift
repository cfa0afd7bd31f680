/// Where each line of a view starts once long lines wrap at a width: line `i` takes rows
/// `starts[i] ..< starts[i + 1]`. Built once per width (a toggle, a resize, a new exchange), so
/// that drawing a row of a 50,000-line view is a binary search.
struct WrapIndex: Sendable, Equatable {
    let width: Int
    /// `starts[i]`: the first row of line `i`; one more entry, the number of rows.
    let starts: [Int]

    var rows: Int { starts.last ?? 0 }

    /// `widths[i]`: the columns of line `i`.
    init(widths: some Sequence<Int>, width: Int) {
        self.width = max(1, width)
        var starts = [0]
        for columns in widths { starts.append(starts.last! + max(1, (columns + self.width - 1) / self.width)) }
        self.starts = starts
    }

    /// The line shown on `row`, and which of its pieces.
    func locate(_ row: Int) -> (line: Int, piece: Int) {
        var low = 0, high = starts.count - 1
        while low + 1 < high {
            let mid = (low + high) / 2
            if starts[mid] <= row { low = mid } else { high = mid }
        }
        return (low, row - starts[low])
    }

    func firstRow(of line: Int) -> Int { starts[max(0, min(line, starts.count - 1))] }
}
