/// The result builder behind page bodies: statements become markup rendered in order;
/// `if`, `if/else`, `switch` and `for` work as in SwiftUI.
@resultBuilder
public enum MarkupBuilder {
    public static func buildBlock() -> EmptyMarkup { EmptyMarkup() }
    public static func buildPartialBlock<M: Markup>(first: M) -> M { first }
    public static func buildPartialBlock<A: Markup, B: Markup>(accumulated: A, next: B) -> Pair<A, B> {
        Pair(first: accumulated, second: next)
    }
    public static func buildOptional<M: Markup>(_ markup: M?) -> M? { markup }
    public static func buildEither<A: Markup, B: Markup>(first: A) -> Either<A, B> { .first(first) }
    public static func buildEither<A: Markup, B: Markup>(second: B) -> Either<A, B> { .second(second) }
    public static func buildArray<M: Markup>(_ items: [M]) -> [M] { items }
    public static func buildLimitedAvailability<M: Markup>(_ markup: M) -> M { markup }

    /// Two markups in sequence.
    public struct Pair<A: Markup, B: Markup>: Markup {
        let first: A
        let second: B
        public func render(into output: inout HTMLOutput) {
            first.render(into: &output)
            second.render(into: &output)
        }
    }

    /// One branch of an `if/else` or `switch`.
    public enum Either<A: Markup, B: Markup>: Markup {
        case first(A)
        case second(B)
        public func render(into output: inout HTMLOutput) {
            switch self {
            case .first(let a): a.render(into: &output)
            case .second(let b): b.render(into: &output)
            }
        }
    }
}
