extension ServerSideResult where Props == JSONValue {
    /// Reads a `getServerSideProps` return value written as a JavaScript object
    /// (`{ props }`, `{ notFound: true }`, `{ redirect: { destination, permanent } }`), with
    /// Next.js's checks and messages: for pages ported from JavaScript, or whose result
    /// arrives as JSON from elsewhere.
    ///
    /// ```swift
    /// return try .fromObject(["props": ["title": "Hi"], "time": 1], context: context)
    /// // throws: Additional keys were returned from `getServerSideProps`. … Keys that need to be moved: time.
    /// ```
    public static func fromObject(_ value: JSONValue, context: ServerSideContext) throws(ServerSidePropsError) -> Self {
        guard case .object(let members) = value else {
            throw ServerSidePropsError(
                "Your `getServerSideProps` function did not return an object. Did you forget to add a `return`?")
        }
        let page = context.page
        if value["unstable_notFound"]?.isTruthy == true {
            throw ServerSidePropsError(
                "unstable_notFound has been renamed to notFound, please update the field to continue. Page: \(page)")
        }
        if value["unstable_redirect"]?.isTruthy == true {
            throw ServerSidePropsError(
                "unstable_redirect has been renamed to redirect, please update the field to continue. Page: \(page)")
        }
        let invalidKeys = members.map(\.key).filter { !["props", "redirect", "notFound"].contains($0) }
        if !invalidKeys.isEmpty {
            throw ServerSidePropsError(
                "Additional keys were returned from `getServerSideProps`. Properties intended for your component must be nested under the `props` key, e.g.:\n\n\treturn { props: { title: 'My Title', content: '...' } }\n\nKeys that need to be moved: \(invalidKeys.joined(separator: ", ")).\nRead more: https://nextjs.org/docs/messages/invalid-getserversideprops-value")
        }
        if value["notFound"]?.isTruthy == true { return .notFound }
        if let redirect = value["redirect"], case .object = redirect {
            return .redirect(try Redirect(object: redirect, url: context.request.url))
        }
        if value["redirect"] == .null {
            throw ServerSidePropsError("Cannot destructure property 'statusCode' of 'redirect' as it is null.")
        }
        return .props(value["props"] ?? .object([]))
    }
}

extension Redirect {
    /// Next.js's `checkRedirectValues` on a redirect written as an object.
    init(object: JSONValue, url: String) throws(ServerSidePropsError) {
        var errors: [String] = []
        let permanent = object["permanent"]
        let statusCode = object["statusCode"]
        if permanent != nil && statusCode != nil { errors.append(Redirect.bothGiven) }  // both present, whatever their values
        if let statusCode, statusCode.isTruthy,
            !(statusCode.doubleValue.map { Redirect.allowedStatusCodes.contains(Int(exactly: $0) ?? -1) } ?? false)
        {
            errors.append(Redirect.badStatusCode)
        }
        if !(statusCode?.isTruthy ?? false), permanent?.boolValue == nil {
            errors.append(Redirect.permanentNotBoolean)
        }
        let destination = object["destination"]
        if destination?.stringValue == nil { errors.append("`destination` should be string but received \(destination.typeofName)") }
        let basePath = object["basePath"]
        if let basePath, basePath.boolValue == nil {
            errors.append("`basePath` should be undefined or a false, received \(Optional(basePath).typeofName)")
        }
        guard errors.isEmpty else { throw Redirect.invalid(errors, url: url) }
        self.init(
            destination: destination?.stringValue ?? "", permanent: permanent?.boolValue,
            statusCode: statusCode?.doubleValue.flatMap { Int(exactly: $0) }, basePath: basePath?.boolValue)
    }
}

extension JSONValue {
    /// JavaScript truthiness.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let b): b
        case .number(let d): d != 0 && !d.isNaN
        case .string(let s): !s.isEmpty
        case .array, .object: true
        }
    }
}

extension Optional where Wrapped == JSONValue {
    /// JavaScript's `typeof` (a missing member is `undefined`).
    var typeofName: String {
        switch self {
        case nil: "undefined"
        case .bool?: "boolean"
        case .number?: "number"
        case .string?: "string"
        case .null?, .array?, .object?: "object"
        }
    }
}
