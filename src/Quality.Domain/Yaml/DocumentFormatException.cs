namespace Quality.Domain.Yaml;

/// <summary>
/// A YAML document (a taxonomy, a quality standard) that is not valid: names the file, the 1-based line and column of
/// the node to blame, its YAML path (<c>classes.pedestrian.size3d.length</c>, <c>rules[2].lowerBound</c>; empty for the
/// document as a whole) and the problem. Each kind of document throws its own subclass.
/// </summary>
public abstract class DocumentFormatException : Exception
{
    protected DocumentFormatException(string file, long line, long column, string path, string problem, Exception? innerException)
        : base(Describe(file, line, column, path, problem), innerException)
    {
        File = file;
        Line = line;
        Column = column;
        Path = path;
        Problem = problem;
    }

    public string File { get; }

    public long Line { get; }

    public long Column { get; }

    public string Path { get; }

    public string Problem { get; }

    private static string Describe(string file, long line, long column, string path, string problem) =>
        path.Length == 0
            ? $"{file} line {line}, column {column}: {problem}"
            : $"{file} line {line}, column {column}, at '{path}': {problem}";
}
