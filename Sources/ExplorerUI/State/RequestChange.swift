import Browser
import Foundation
import HTTPTypes

/// One change to what requests send, as typed in the request window (`o`) or for the other side
/// of a diff (`D`): `Name: value` a header, `Name: ""` an empty one, `Name:` none; `name=value` a
/// cookie, `name=` none; `-Referer` leaves out one of a browser's headers, `+Referer` sends it;
/// `-document`, `+document` the server's document after a remote transition.
package enum RequestChange: Sendable, Equatable {
    case header(name: String, value: String?)
    case cookie(name: String, value: String?)
    case browserHeader(BrowserHeaders.Name, sent: Bool)
    case serverDocument(Bool)

    /// What was typed, read; why not, in words.
    static func parse(_ text: String) -> Result<RequestChange, AppState.Refused> {
        if let sign = text.first, sign == "-" || sign == "+" {
            let name = text.dropFirst().trimmingCharacters(in: .whitespaces)
            let on = sign == "+"
            if name.lowercased() == "document" { return .success(.serverDocument(on)) }
            guard let header = BrowserHeaders.Name(typed: name) else {
                let names = BrowserHeaders.Name.allCases.map(\.rawValue).joined(separator: ", ")
                return .failure(.init(reason: "\(sign)\(name): the browser's headers are \(names); \(sign)document is the server's document."))
            }
            return .success(.browserHeader(header, sent: on))
        }
        let colon = text.firstIndex(of: ":"), equals = text.firstIndex(of: "=")
        if let colon, equals.map({ colon < $0 }) ?? true {
            let name = text[..<colon].trimmingCharacters(in: .whitespaces)
            var value: String? = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard HTTPField.Name(name) != nil else {
                return .failure(.init(reason: "“\(name)” is not a header name: letters, digits and !#$%&'*+-.^_`|~ only."))
            }
            if value == "" { value = nil } else if value == "\"\"" { value = "" }
            return .success(.header(name: name, value: value))
        }
        if let equals {
            let name = text[..<equals].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // A cookie name is an HTTP token, as a header name is.
            guard HTTPField.Name(name) != nil, !value.contains(";"), !value.contains(",") else {
                return .failure(.init(reason: "“\(text)” is not a cookie: name=value, the name a token, the value without ; or ,."))
            }
            return .success(.cookie(name: name, value: value.isEmpty ? nil : value))
        }
        return .failure(.init(reason: "Type Name: value for a header or name=value for a cookie."))
    }

    /// Made to `navigator`.
    func apply(to navigator: Navigator) async {
        switch self {
        case .header(let name, let value): if let name = HTTPField.Name(name) { await navigator.setHeader(name, value) }
        case .cookie(let name, let value): await navigator.setCookie(name, value)
        case .browserHeader(let name, let sent): await navigator.setBrowserHeader(name, sent: sent)
        case .serverDocument(let on): await navigator.setFetchesServerDocument(on)
        }
    }

    /// For a diff's side: `as session=second-token`, `without Referer`.
    var label: String {
        switch self {
        case .header(let name, let value?): "with \(name): \(value)"
        case .header(let name, nil): "without \(name)"
        case .cookie(let name, let value?): "as \(name)=\(value)"
        case .cookie(let name, nil): "without the cookie \(name)"
        case .browserHeader(let name, let sent): sent ? "with \(name.rawValue)" : "without \(name.rawValue)"
        case .serverDocument(let on): on ? "with the server's document" : "without the server's document"
        }
    }
}
