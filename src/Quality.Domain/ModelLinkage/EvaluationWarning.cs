using Quality.Domain.Formats;

namespace Quality.Domain.ModelLinkage;

/// <summary>Something in a model evaluation file that is read but worth a look (a class the taxonomy does not know), placed like an error.</summary>
public sealed record EvaluationWarning(string File, long Line, string? Field, string Problem)
{
    public string Message => DeliveryFormatException.Describe(File, Line, Field, Problem);
}
