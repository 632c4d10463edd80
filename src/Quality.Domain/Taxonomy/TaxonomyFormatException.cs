using Quality.Domain.Yaml;

namespace Quality.Domain.Taxonomy;

/// <summary>
/// A taxonomy document that is not valid: names the file, the 1-based line and column of the node to blame, its YAML
/// path (<c>classes.pedestrian.size3d.length</c>, empty for the document as a whole) and the problem.
/// </summary>
public sealed class TaxonomyFormatException : DocumentFormatException
{
    public TaxonomyFormatException(string file, long line, long column, string path, string problem, Exception? innerException = null)
        : base(file, line, column, path, problem, innerException)
    {
    }
}
