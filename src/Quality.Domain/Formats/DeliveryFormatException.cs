namespace Quality.Domain.Formats;

/// <summary>
/// A delivery that cannot be read as declared. Always names the file, the 1-based line (or 0 when the
/// problem is the file as a whole) and, where one is to blame, the field.
/// </summary>
public sealed class DeliveryFormatException : Exception
{
    public DeliveryFormatException(string file, long line, string? field, string problem, Exception? innerException = null)
        : base(Describe(file, line, field, problem), innerException)
    {
        File = file;
        Line = line;
        Field = field;
        Problem = problem;
    }

    public string File { get; }

    public long Line { get; }

    public string? Field { get; }

    public string Problem { get; }

    /// <summary>A delivery that parses but holds nothing to audit: a mistake to report, not an empty result to store.</summary>
    public static DeliveryFormatException NoAnnotations(string file) =>
        new(file, 0, null, "has no annotations; a delivery holds at least one");

    /// <summary><c>file line N, field 'f': problem</c>: how every file this product reads words what is wrong in it.</summary>
    internal static string Describe(string file, long line, string? field, string problem)
    {
        var where = line > 0 ? $"{file} line {line}" : file;
        return field is null ? $"{where}: {problem}" : $"{where}, field '{field}': {problem}";
    }
}
