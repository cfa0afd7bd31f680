import HTTPTypes

/// Single-valued header access for every response. `HTTPFields`' subscript joins all fields of
/// a name through a lazy sequence and its setter searches and replaces; together they were a
/// tenth of the engine's time on a small page.
extension HTTPFields {
    /// The first value of `name`.
    package func first(_ name: HTTPField.Name) -> String? {
        for field in self where field.name == name { return field.value }
        return nil
    }

    /// Sets `name` to `value`: appended when absent (a response being built), else replaced.
    package mutating func set(_ name: HTTPField.Name, _ value: String) {
        if contains(name) { self[name] = value } else { append(HTTPField(name: name, value: value)) }
    }
}
