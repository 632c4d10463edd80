using Quality.Domain.Formats;

namespace Quality.Domain.ModelLinkage;

/// <summary>A model evaluation file that cannot be read: names the file, the 1-based line (0 for the file as a whole) and the field.</summary>
public sealed class ModelEvaluationFormatException : Exception
{
    public ModelEvaluationFormatException(string file, long line, string? field, string problem, Exception? innerException = null)
        : base(DeliveryFormatException.Describe(file, line, field, problem), innerException)
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
}
