namespace Quality.Domain.ModelLinkage;

/// <summary>Something in a model evaluation file that is read but worth a look (a class the taxonomy does not know), placed like an error.</summary>
public sealed record EvaluationWarning(string File, long Line, string? Field, string Problem)
{
    public string Message => Describe(File, Line, Field, Problem);

    /// <summary><c>file line N, field 'f': problem</c>, as delivery errors are worded.</summary>
    internal static string Describe(string file, long line, string? field, string problem)
    {
        var where = line > 0 ? $"{file} line {line}" : file;
        return field is null ? $"{where}: {problem}" : $"{where}, field '{field}': {problem}";
    }
}
