import Explorer
import Foundation
import HTTPTypes

/// Keys while a window is open over the screen: Esc closes any of them.
extension AppState {
    mutating func pressInOverlay(_ key: Key) -> [Effect] {
        guard let overlay else { return [] }
        if key == .escape {
            self.overlay = nil
            return stopComparing(overlay)
        }
        // q quits from every window but a prompt, where it is a letter typed.
        if key == .character("q") {
            if case .prompt = overlay {} else {
                quitting = true
                return [.quit]
            }
        }
        switch overlay {
        case .prompt(var prompt):
            if key == .enter {
                self.overlay = nil
                return submit(prompt)
            }
            if key == .tab, case .address(let kind) = prompt.purpose {
                prompt.purpose = .address(kind == .clientTransition ? .hardNavigation : .clientTransition)
                self.overlay = .prompt(prompt)
                return []
            }
            if prompt.editor.apply(key) { self.overlay = .prompt(prompt) }
        case .links(let cursor):
            let links = current?.analysis.links ?? []
            switch key {
            case .enter:
                guard let link = links[safe: cursor] else { return [] }
                self.overlay = nil
                switch link.destination {
                case .page(let path): return navigate(.clientTransition, to: path)
                case .external(let url):
                    message = StyledText("\(url) is on another site: next/link would leave the explorer's site, so it is not followed.", .warning)
                case .fragment:
                    message = StyledText("\(link.href) scrolls within the page: no navigation.", .dim)
                }
            default:
                self.overlay = .links(cursor: moved(cursor, key, count: links.count))
            }
        case .history(let cursor):
            if key == .enter, let presentation = exchanges[safe: cursor] {
                self.overlay = nil
                show(presentation)
                message = StyledText("An earlier exchange, as it was (not fetched again): r repeats it.", .dim)
            } else {
                self.overlay = .history(cursor: moved(cursor, key, count: exchanges.count))
            }
        case .help(let top):
            if key == .enter || key == .character("?") {
                self.overlay = nil
            } else {
                self.overlay = .help(top: moved(top, key, count: max(1, KeyMap.lineCount - (height - 4))))
            }
        case .value(let path, let text, let top):
            if key == .enter {
                self.overlay = nil
            } else {
                let rows = Screen.valueLines(text, self).count - (height - 4)
                self.overlay = .value(path: path, text: text, top: moved(top, key, count: max(1, rows)))
            }
        case .sizes, .compare, .curl:
            if key == .enter || key == .character("?") {
                self.overlay = nil
                return stopComparing(overlay)
            }
        }
        return []
    }

    /// Closing the compare window before its result came stops the fetching.
    private func stopComparing(_ closed: Overlay) -> [Effect] {
        if case .compare(_, nil) = closed { return [.stopComparing] }
        return []
    }

    private func moved(_ cursor: Int, _ key: Key, count: Int) -> Int {
        let next: Int
        switch key {
        case .up, .character("k"): next = cursor - 1
        case .down, .character("j"): next = cursor + 1
        case .pageUp: next = cursor - 10
        case .pageDown: next = cursor + 10
        case .home: next = 0
        case .end: next = count - 1
        default: next = cursor
        }
        return max(0, min(next, count - 1))
    }

    private mutating func submit(_ prompt: Prompt) -> [Effect] {
        let text = prompt.editor.text
        switch prompt.purpose {
        case .address(let kind):
            return navigate(kind, to: text)
        case .routeParameters:
            return navigate(.clientTransition, to: text)
        case .search(let view):
            startSearch(text, in: view)
            return []
        case .requestSetting:
            return requestSetting(text)
        }
    }

    /// `Name: value` sets a header, `name=value` a cookie; an empty value removes it.
    private mutating func requestSetting(_ text: String) -> [Effect] {
        let colon = text.firstIndex(of: ":"), equals = text.firstIndex(of: "=")
        if let colon, equals.map({ colon < $0 }) ?? true {
            let name = text[..<colon].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            guard HTTPField.Name(name) != nil else {
                message = StyledText("“\(name)” is not a header name (letters, digits and !#$%&'*+-.^_`|~ only).", .serverError)
                return []
            }
            message = StyledText(value.isEmpty ? "Header \(name) removed." : "Every request now sends \(name): \(value)", .success)
            return [.setHeader(name: name, value: value.isEmpty ? nil : value)]
        }
        if let equals {
            let name = text[..<equals].trimmingCharacters(in: .whitespaces)
            let value = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            // A cookie name is an HTTP token, as a header name is.
            guard HTTPField.Name(name) != nil, !value.contains(";"), !value.contains(",") else {
                message = StyledText("“\(text)” is not a cookie: name=value, without ; or ,.", .serverError)
                return []
            }
            message = StyledText(value.isEmpty ? "Cookie \(name) removed." : "Every request now sends the cookie \(name)=\(value)", .success)
            return [.setCookie(name: name, value: value.isEmpty ? nil : value)]
        }
        if !text.isEmpty { message = StyledText("Type Name: value for a header or name=value for a cookie.", .warning) }
        return []
    }
}
