/// A problem with one page file, reported against it.
struct Failure: Error {
    let file: String
    let line: Int
    let message: String
}
