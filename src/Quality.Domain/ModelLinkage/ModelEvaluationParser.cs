namespace Quality.Domain.ModelLinkage;

/// <summary>
/// Reads a model evaluation file in either documented form (docs/formats/model-evaluation.md): JSON, when the first
/// character that is not white space is <c>{</c>, else CSV with a header row. Errors name the file, line and field;
/// a class the taxonomy does not know is a warning, since an evaluation may score classes the labels do not have.
/// </summary>
public static class ModelEvaluationParser
{
    /// <param name="taxonomyClasses">The classes of the taxonomy the evaluation is held to; null checks none.</param>
    /// <exception cref="ModelEvaluationFormatException">The file cannot be read as a model evaluation.</exception>
    public static ParsedModelEvaluation Parse(string text, string file, IReadOnlyCollection<string>? taxonomyClasses = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        var (evaluation, classLines) = text.TrimStart().StartsWith('{')
            ? ModelEvaluationJsonReader.Read(text, file)
            : ModelEvaluationCsvReader.Read(text, file);
        var warnings = taxonomyClasses is null
            ? []
            : evaluation.Classes.Keys.Where(c => !taxonomyClasses.Contains(c))
                .Select(c => new EvaluationWarning(file, classLines[c], "class",
                    $"'{c}' is not a class of the taxonomy{(evaluation.Taxonomy is { } t ? " " + t : "")}; its metrics are kept, but no label has that class to link them to"))
                .ToList();
        return new ParsedModelEvaluation(evaluation, warnings);
    }
}
