import CLibXML2
import Foundation
import PorticoModel

/// `sitemap.xml` for sites with a `base_url`, written with libxml2's XML writer so
/// the escaping is right whatever the page names are.
enum SitemapWriter {
    static func sitemap(site: PartnerSite, pages: [String]) -> String? {
        guard let base = site.baseURL, !base.isEmpty else { return nil }
        let root = (base.hasSuffix("/") ? base : base + "/") + SitePaths.percentEncode(site.folder) + "/"
        guard let buffer = xmlBufferCreate() else { return nil }
        defer { xmlBufferFree(buffer) }
        guard let writer = xmlNewTextWriterMemory(buffer, 0) else { return nil }
        xmlTextWriterSetIndent(writer, 1)
        xmlTextWriterStartDocument(writer, "1.0", "UTF-8", nil)
        xmlTextWriterStartElement(writer, "urlset")
        xmlTextWriterWriteAttribute(writer, "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9")
        for page in pages.sorted() {
            xmlTextWriterStartElement(writer, "url")
            xmlTextWriterWriteElement(writer, "loc", root + SitePaths.percentEncode(page))
            xmlTextWriterEndElement(writer)
        }
        xmlTextWriterEndElement(writer)
        xmlTextWriterEndDocument(writer)
        xmlFreeTextWriter(writer)
        guard let content = xmlBufferContent(buffer) else { return nil }
        return String(cString: content)
    }
}
