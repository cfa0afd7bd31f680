import SSR

/// Any bytes after `/_next/data/`, and any page path made into a data URL: the data URL a
/// client builds for a page must be read back as a data request for that same page.
enum DataURLFuzz {
    static func run(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        for site in FuzzTarget.sites {
            _ = RequestTarget(path: site.basePath + "/_next/data/" + text, site: site, buildId: "B")
        }
        // Not for brackets: Next.js reads `/index/…` back without its `/index` only when the
        // rest does not look dynamic, so `/index/[x]` does not round-trip there either.
        let path = "/" + text
        let site = FuzzTarget.sites[0]
        guard !path.contains("["), case .page(let page) = RequestTarget(path: path, site: site, buildId: "B"), !page.isData else {
            return
        }
        let url = DataPath.dataURL(for: path, buildId: "B")
        guard case .page(let data) = RequestTarget(path: url, site: site, buildId: "B"), data.isData, data.path == page.path else {
            fatalError("\(path.debugDescription) → \(url.debugDescription) is not read back as its data request")
        }
    }
}
