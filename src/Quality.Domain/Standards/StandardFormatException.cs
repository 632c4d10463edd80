using Quality.Domain.Yaml;

namespace Quality.Domain.Standards;

/// <summary>
/// A quality standard document that is not valid: names the file, the 1-based line and column of the node to blame,
/// its YAML path (<c>rules[1].lowerBound</c>, <c>sampling.level</c>; empty for the document as a whole) and the problem.
/// </summary>
public sealed class StandardFormatException : DocumentFormatException
{
    public StandardFormatException(string file, long line, long column, string path, string problem, Exception? innerException = null)
        : base(file, line, column, path, problem, innerException)
    {
    }
}
