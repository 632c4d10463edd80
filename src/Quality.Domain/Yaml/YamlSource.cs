using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Quality.Domain.Yaml;

/// <summary>
/// One YAML document being read: its file name, and how its kind of document reports a problem at a place (a
/// <see cref="DocumentFormatException"/> subclass). <see cref="Root"/> loads the text as exactly one document.
/// </summary>
internal sealed class YamlSource(string file, Func<string, long, long, string, string, Exception?, DocumentFormatException> error)
{
    public string File { get; } = file;

    /// <summary>The document's root mapping; not valid YAML, empty, or several documents are errors with their position.</summary>
    public YamlMap Root(string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw Error(e.Start, "", $"not valid YAML: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's node loader throws these, without a position, on event sequences it does not expect
            // (found by DocumentFuzzProperties: "the current event is of an unsupported type").
            throw error(File, 1, 1, "", $"not valid YAML ({e.Message.TrimEnd('.')}; the parser gave no position)", e);
        }

        var root = stream.Documents.Count switch
        {
            0 => throw error(File, 1, 1, "", "the document is empty", null),
            1 => stream.Documents[0].RootNode,
            _ => throw Error(stream.Documents[1].RootNode.Start, "", "one YAML document expected, found more"),
        };
        return YamlMap.From(root, this, "");
    }

    public DocumentFormatException Error(YamlNode node, string path, string problem) => Error(node.Start, path, problem);

    public DocumentFormatException Error(Mark at, string path, string problem, Exception? innerException = null) =>
        error(File, Math.Max(at.Line, 1), Math.Max(at.Column, 1), path, problem, innerException);
}
