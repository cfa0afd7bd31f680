/// The result builder behind page bodies: statements become markup rendered in order;
/// `if`, `if/else`, `switch` and `for` work as in SwiftUI.
@resultBuilder
public enum MarkupBuilder {
    // `consuming`: each block moves its parts into the next pair instead of copying the
    // whole nested structure again at every statement.
    @inlinable public static func buildBlock() -> EmptyMarkup { EmptyMarkup() }
    @inlinable public static func buildPartialBlock<M: Markup>(first: consuming M) -> M { first }
    @inlinable public static func buildPartialBlock<A: Markup, B: Markup>(accumulated: consuming A, next: consuming B) -> Pair<A, B> {
        Pair(first: accumulated, second: next)
    }
    @inlinable public static func buildOptional<M: Markup>(_ markup: consuming M?) -> M? { markup }
    @inlinable public static func buildEither<A: Markup, B: Markup>(first: consuming A) -> Either<A, B> { .first(first) }
    @inlinable public static func buildEither<A: Markup, B: Markup>(second: consuming B) -> Either<A, B> { .second(second) }
    @inlinable public static func buildArray<M: Markup>(_ items: consuming [M]) -> [M] { items }
    @inlinable public static func buildLimitedAvailability<M: Markup>(_ markup: consuming M) -> M { markup }

    /// Two markups in sequence.
    public struct Pair<A: Markup, B: Markup>: Markup {
        @usableFromInline let first: A
        @usableFromInline let second: B

        @inlinable init(first: A, second: B) {
            self.first = first
            self.second = second
        }

        @inlinable public func render(into output: inout HTMLOutput) {
            first.render(into: &output)
            second.render(into: &output)
        }
    }

    /// One branch of an `if/else` or `switch`.
    public enum Either<A: Markup, B: Markup>: Markup {
        case first(A)
        case second(B)
        @inlinable public func render(into output: inout HTMLOutput) {
            switch self {
            case .first(let a): a.render(into: &output)
            case .second(let b): b.render(into: &output)
            }
        }
    }
}
