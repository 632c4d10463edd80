using System.Text;

namespace Quality.Tests.Shared;

/// <summary>
/// The bad-input corpus: malformed deliveries as vendors really send them, each with where its error must point.
/// Every one must end Rejected with that file, line and field, lose nothing, and leave the host serving. The
/// pipeline, the offline CLI and the readers' fuzz tests all run it.
/// </summary>
internal static class BadDeliveries
{
    /// <summary>One malformed delivery: its files (a single canonical file, or a folder with a manifest).</summary>
    /// <param name="Name">Unique, used in blob names.</param>
    /// <param name="Files">Path within the delivery → bytes. A single-file delivery has one file named <c>delivery.jsonl</c>.</param>
    /// <param name="File">The file the error must name (path within the delivery).</param>
    /// <param name="Line">The 1-based line it must name, 0 for the file as a whole.</param>
    /// <param name="Field">The field it must name, or null.</param>
    /// <param name="Problem">Text the problem must contain.</param>
    public sealed record Case(string Name, IReadOnlyDictionary<string, byte[]> Files, string File, long Line, string? Field, string Problem)
    {
        public bool IsMultiFile => Files.ContainsKey("manifest.json");

        public override string ToString() => Name;
    }

    public const string Header = """{"format":"serverless-quality.canonical","version":1,"deliveryId":"d-1","pipeline":"p","vendor":"v","taxonomy":{"name":"driving","version":"1.0.0"},"dataTypes":["frame-tags","boxes-2d","cuboids-3d"],"fields":{"weather":{"level":"nominal","values":["clear","rain"]}}}""";

    private const string Tag = """{"item":"f1","annotator":"a1","field":"weather","label":"clear"}""";
    private const string Box = """{"item":"f1","annotator":"a1","id":"o1","label":"car","geometry":{"type":"box2d","x":1,"y":2,"width":30,"height":20}}""";

    private const string ManifestHead = "\"format\":\"serverless-quality.manifest\",\"version\":1,\"taxonomy\":{\"name\":\"driving\",\"version\":\"1.0.0\"},\"dataTypes\":[\"frame-tags\"]";
    private const string Csv = "item,annotator,field,value\n";

    public static IReadOnlyList<Case> All { get; } =
    [
        Single("empty-file", "", 0, null, "is empty"),
        Single("header-only", Header + "\n", 0, null, "no annotations"),
        Single("header-then-blank-lines", Header + "\n\n  \n\r\n", 0, null, "no annotations"),
        Single("truncated-json", Header + "\n" + Tag + "\n" + Box[..60], 3, null, "invalid JSON"),
        Single("truncated-header", Header[..40], 1, null, "invalid JSON"),
        Bytes("invalid-utf8", [.. Encoding.UTF8.GetBytes(Header + "\n" + """{"item":"f"""), 0xC3, 0x28, .. Encoding.UTF8.GetBytes("""1","annotator":"a1","label":"x"}""" + "\n")], 2, null, "not valid UTF-8"),
        Bytes("binary-garbage", Garbage(4096, seed: 7), 1, null, ""),
        Bytes("gzip-compressed", [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, .. Garbage(200, seed: 3)], 0, null, "is gzip-compressed; decompress it (gunzip) and deliver the file itself"),
        Bytes("zip-archive", [.. "PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000"u8, .. Garbage(30, seed: 5), .. "delivery.jsonl"u8, .. Garbage(400, seed: 6)], 0, null,
            "is a zip archive; unzip it and deliver its files (a folder with a manifest.json, or quality submit FOLDER, which writes one)"),
        Bytes("excel-workbook", [.. "PK\u0003\u0004\u0014\u0000\u0006\u0000"u8, .. Garbage(22, seed: 8), .. "[Content_Types].xml"u8, .. Garbage(300, seed: 9), .. "xl/workbook.xml"u8], 0, null,
            "is an Excel workbook (.xlsx, a zip archive), not a table; save the sheet as 'CSV UTF-8 (Comma delimited)' and deliver that file"),
        Single("json-array-for-json-lines", "[" + Header + ",\n" + Tag + "]\n", 1, null,
            "is a JSON array, but a delivery is JSON Lines; write the header object on line 1 and each annotation object on a line of its own, without brackets or commas between them (jq -c '.[]')"),
        Single("pretty-printed-json-lines", Header.Replace("{\"format\"", "{\n  \"format\"", StringComparison.Ordinal) + "\n" + Tag + "\n", 1, null,
            "opens a JSON object that goes on over several lines, but a delivery is JSON Lines; write each object on one line (jq -c .)"),
        Single("ten-megabyte-line", Header + "\n" + """{"item":"f1","annotator":"a1","label":" """ + new string('x', 10 << 20) + "\"}\n", 2, null, "longer than"),
        Single("unknown-format-cvat-xml", "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<annotations><version>1.1</version></annotations>\n", 1, null, "invalid JSON"),
        Single("wrong-format-name", Header.Replace("serverless-quality.canonical", "acme.export", StringComparison.Ordinal) + "\n" + Tag, 1, "format", "'acme.export' is not"),
        Single("unsupported-version", Header.Replace("\"version\":1", "\"version\":7", StringComparison.Ordinal) + "\n" + Tag, 1, "version", "7 is not supported"),
        Single("enormous-count-claimed", Header.Replace("\"version\":1,", "\"version\":1,\"annotationCount\":9223372036854775807,", StringComparison.Ordinal) + "\n" + Tag, 1, "annotationCount", "unknown header property"),
        Single("header-is-array", "[1,2,3]\n" + Tag, 1, null, "is a JSON array, but a delivery is JSON Lines"),
        Single("bad-taxonomy-version", Header.Replace("1.0.0", "latest", StringComparison.Ordinal) + "\n" + Tag, 1, "taxonomy.version", "'latest' is not major.minor.patch"),
        Single("unknown-data-type", Header.Replace("\"cuboids-3d\"", "\"polygons\"", StringComparison.Ordinal) + "\n" + Tag, 1, "dataTypes", "unknown data type 'polygons'"),
        Lines("nan-token", """{"item":"f1","annotator":"a1","label":"car","geometry":{"type":"box2d","x":NaN,"y":2,"width":3,"height":4}}""", 2, null, "invalid JSON"),
        Lines("nan-string-for-number", """{"item":"f1","annotator":"a1","label":"car","geometry":{"type":"box2d","x":"NaN","y":2,"width":3,"height":4}}""", 2, "geometry.x", "must be a number, not a string"),
        Lines("infinite-number", """{"item":"f1","annotator":"a1","label":"car","geometry":{"type":"box2d","x":1e999,"y":2,"width":3,"height":4}}""", 2, "geometry.x", "must be finite"),
        Lines("number-for-string", """{"item":"f1","annotator":"a1","field":"weather","label":42}""", 2, "label", "must be a string, not a number"),
        Lines("negative-size", """{"item":"f1","annotator":"a1","label":"car","geometry":{"type":"box2d","x":1,"y":2,"width":-3,"height":4}}""", 2, "geometry.width", "-3 is negative"),
        Lines("missing-item", """{"annotator":"a1","field":"weather","label":"clear"}""", 2, "item", "missing"),
        Lines("control-character-in-id", """{"item":"f\u00011","annotator":"a1","field":"weather","label":"clear"}""", 2, "item", "without control characters"),
        Lines("unknown-property", """{"item":"f1","annotator":"a1","label":"car","confidence":0.9}""", 2, "confidence", "unknown annotation property"),
        Lines("invalid-role", """{"item":"f1","annotator":"a1","role":"boss","label":"car"}""", 2, "role", "'boss' is not one of"),
        Lines("deeply-nested", """{"item":"f1","annotator":"a1","label":"car","attributes":{"a":""" + new string('[', 5000) + new string(']', 5000) + "}}", 2, "attributes.a", "must be a string, number or boolean"),
        Single("deeply-nested-header", Header.Replace("\"version\":1,", "\"version\":1,\"notes\":" + new string('[', 5000) + new string(']', 5000) + ",", StringComparison.Ordinal) + "\n" + Tag, 1, null, "invalid JSON"),
        Lines("value-not-declared", """{"item":"f1","annotator":"a1","field":"weather","label":"hail"}""", 2, "label", "'hail' is not one of the declared values clear, rain"),
        Single("duplicate-tag", Header + "\n" + Tag + "\n" + Box + "\n" + Tag.Replace("clear", "rain", StringComparison.Ordinal) + "\n", 4, "field", "already tagged 'weather' of item 'f1' on line 2"),
        Lines("object-with-field", """{"item":"f1","annotator":"a1","field":"weather","label":"car","geometry":{"type":"box2d","x":1,"y":2,"width":3,"height":4}}""", 2, "field", "objects carry their class"),
        Folder("manifest-missing-file", Manifest("""{"path":"gold.csv","role":"gold"}""", """{"path":"ann-01.csv"}"""),
            [("gold.csv", Csv + "f1,key,weather,clear\n")], "manifest.json", 0, "files[1].path", "'ann-01.csv' is listed but was not delivered"),
        Folder("manifest-ids-do-not-match", Manifest("""{"path":"gold.csv","role":"gold"}""", """{"path":"ann-01.csv"}"""),
            [("gold.csv", Csv + "f1,key,weather,clear\nf2,key,weather,rain\n"), ("ann-01.csv", Csv + "frame-1,a1,weather,clear\nframe-2,a1,weather,rain\n")],
            "ann-01.csv", 2, "item", "none of its items is an item of the gold file gold.csv (the first, 'frame-1')"),
        Folder("manifest-invalid-json", "{\"format\":\"serverless-quality.manifest\",\n\"files\":[", [("a.csv", Csv + "f1,a1,weather,clear\n")], "manifest.json", 2, null, "invalid JSON"),
        Folder("manifest-path-traversal", Manifest("""{"path":"../../secrets.csv"}"""), [("a.csv", Csv)], "manifest.json", 0, "files[0].path", "must be a relative path below the manifest's folder"),
        Folder("manifest-too-many-files", Manifest([.. Enumerable.Range(0, 1001).Select(i => $$"""{"path":"f{{i}}.csv"}""")]), [("f0.csv", Csv)], "manifest.json", 0, "files", "lists 1001 files; a delivery has 1 to 1000"),
        Folder("manifest-file-in-unknown-format", Manifest("""{"path":"export.bin"}"""), [("export.bin", Encoding.Latin1.GetString(Garbage(300, seed: 11)))], "export.bin", 0, "format", "is in no format this product reads"),
        Folder("manifest-csv-wrong-columns", Manifest("""{"path":"a.csv","format":"csv"}"""), [("a.csv", Csv + "f1,a1,weather\n")], "a.csv", 2, null, "has 3 columns; expected 4"),
        Folder("manifest-files-without-annotations", Manifest("""{"path":"a.csv"}"""), [("a.csv", Csv)], "manifest.json", 0, null, "no annotations"),
        Folder("semicolon-separated-csv", Manifest("""{"path":"a.csv"}"""), [("a.csv", "item;annotator;field;value\r\nf1;a1;weather;clear\r\n")], "a.csv", 1, null,
            "the header is separated by ';', not commas; save the table comma-separated (Excel: 'CSV UTF-8 (Comma delimited)') or tab-separated"),
        FolderBytes("excel-windows-code-page-csv", Manifest("""{"path":"a.csv"}"""), [("a.csv", [.. Encoding.UTF8.GetBytes(Csv + "f1,a1,weather,cl"), 0xE9, .. "ar\r\n"u8])], "a.csv", 2, null,
            "is not valid UTF-8 at byte 16 of the line; save the table as UTF-8 (Excel: 'CSV UTF-8 (Comma delimited)', not 'CSV (Comma delimited)', which writes the Windows code page)"),
        FolderBytes("excel-unicode-text", Manifest("""{"path":"ratings.txt","format":"csv"}"""), [("ratings.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("item\tannotator\tfield\tvalue\r\nf1\ta1\tweather\tclear\r\n")])],
            "ratings.txt", 0, null, "is UTF-16 text (what Excel saves as 'Unicode Text'); save it as UTF-8 ('CSV UTF-8 (Comma delimited)' in Excel)"),
        FolderBytes("zip-in-a-folder", Manifest("""{"path":"export.zip"}"""), [("export.zip", [.. "PK\u0003\u0004\u0014\u0000"u8, .. Garbage(100, seed: 12)])], "export.zip", 0, null,
            "is a zip archive; unzip it and deliver its files"),
    ];

    /// <summary>
    /// Real mistakes whose meaning is unambiguous, so they are read as intended rather than refused: a UTF-8 byte order
    /// mark, Windows line ends, the rows of separators Excel leaves below a table. Each must audit to
    /// <see cref="Accepted.Annotations"/>, as the clean file does.
    /// </summary>
    public static IReadOnlyList<Accepted> AcceptedMistakes { get; } =
    [
        new("utf8-bom", new Dictionary<string, byte[]> { ["delivery.jsonl"] = Encoding.UTF8.GetBytes("\uFEFF" + Header + "\n" + Tag + "\n" + Box + "\n") }, 2),
        new("windows-line-ends", new Dictionary<string, byte[]> { ["delivery.jsonl"] = Encoding.UTF8.GetBytes(Header + "\r\n" + Tag + "\r\n" + Box + "\r\n") }, 2),
        new("manifest-bom", Files(("manifest.json", "\uFEFF" + Manifest("""{"path":"a.csv"}""")), ("a.csv", Csv + "f1,a1,weather,clear\n")), 1),
        new("excel-csv-utf8", Files(("manifest.json", Manifest("""{"path":"a.csv"}""")), ("a.csv", "\uFEFF" + Csv.Replace("\n", "\r\n", StringComparison.Ordinal) + "f1,a1,weather,clear\r\nf1,a2,weather,rain\r\n,,,\r\n,,,\r\n")), 2),
        new("excel-units-by-coders", Files(("manifest.json", Manifest("""{"path":"weather.csv","field":"weather"}""")), ("weather.csv", "\uFEFFitem_id,a1,a2,a3\r\nf1,clear,clear,NA\r\nf2,rain,,rain\r\n,,,\r\n")), 4),
    ];

    /// <summary>A mistake read as intended: the delivery's files, and how many annotations it holds.</summary>
    public sealed record Accepted(string Name, IReadOnlyDictionary<string, byte[]> Files, long Annotations)
    {
        public bool IsMultiFile => Files.ContainsKey("manifest.json");

        public override string ToString() => Name;
    }

    private static Dictionary<string, byte[]> Files(params (string Path, string Content)[] files) =>
        files.ToDictionary(f => f.Path, f => Encoding.UTF8.GetBytes(f.Content));

    private static Case FolderBytes(string name, string manifest, (string Path, byte[] Content)[] files, string file, long line, string? field, string problem) =>
        new(name, new Dictionary<string, byte[]>(files.Select(f => KeyValuePair.Create(f.Path, f.Content)))
        {
            ["manifest.json"] = Encoding.UTF8.GetBytes(manifest),
        }, file, line, field, problem);

    private static Case Single(string name, string content, long line, string? field, string problem) =>
        Bytes(name, Encoding.UTF8.GetBytes(content), line, field, problem);

    private static Case Bytes(string name, byte[] content, long line, string? field, string problem) =>
        new(name, new Dictionary<string, byte[]> { ["delivery.jsonl"] = content }, "delivery.jsonl", line, field, problem);

    /// <summary>A valid header, then one bad annotation line (line 2).</summary>
    private static Case Lines(string name, string badLine, long line, string? field, string problem) =>
        Single(name, Header + "\n" + badLine + "\n" + Tag + "\n", line, field, problem);

    private static Case Folder(string name, string manifest, (string Path, string Content)[] files, string file, long line, string? field, string problem) =>
        new(name, new Dictionary<string, byte[]>(files.Select(f => KeyValuePair.Create(f.Path, Encoding.UTF8.GetBytes(f.Content))))
        {
            ["manifest.json"] = Encoding.UTF8.GetBytes(manifest),
        }, file, line, field, problem);

    private static string Manifest(params string[] files) => "{" + ManifestHead + ",\"files\":[" + string.Join(",", files) + "]}";

    private static byte[] Garbage(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
