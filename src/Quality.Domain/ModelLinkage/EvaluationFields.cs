using System.Globalization;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.ModelLinkage;

/// <summary>The checks both forms of a model evaluation apply to their values, so the two read alike.</summary>
internal sealed class EvaluationFields(string file)
{
    public ModelEvaluationFormatException Error(long line, string? field, string problem) => new(file, line, field, problem);

    /// <summary>A model, version or delivery name: letters, digits, '.', '_', '-', up to 63, as storage keys need.</summary>
    public string Name(string? value, long line, string field) =>
        value is { Length: > 0 } && CanonicalFormat.IsSafeName(value)
            ? value
            : throw Error(line, field, value is null or "" ? "is required" : $"'{value}' is not a name: letters, digits, '.', '_', '-'; up to 63, starting with a letter or digit");

    public double? Metric(double? value, long line, string field) =>
        value is not { } v ? null
        : double.IsFinite(v) && v is >= 0 and <= 1 ? v
        : throw Error(line, field, $"{v.ToString(CultureInfo.InvariantCulture)} is outside [0, 1]; metrics are proportions, not percentages");

    public long? Objects(long? value, long line, string field) =>
        value is not { } v || v >= 0 ? value : throw Error(line, field, $"{v} objects: a count is 0 or more");

    public long Size(long value, long line, string field) =>
        value > 0 ? value : throw Error(line, field, $"{value}: an evaluation set holds at least one frame");

    public DateTimeOffset Time(string? value, long line, string field) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
        && value!.Contains('T', StringComparison.Ordinal)
            ? time
            : throw Error(line, field, $"'{value}' is not an ISO 8601 time such as 2026-11-30T09:00:00Z");

    public DateOnly? Day(string? value, long line, string field) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw Error(line, field, $"'{value}' is not a day, YYYY-MM-DD");

    public PipelineRange Range(string pipeline, DateOnly? from, DateOnly? to, long line, string field) =>
        from is { } f && to is { } t && f > t
            ? throw Error(line, field, $"the range starts {f:yyyy-MM-dd}, after it ends {t:yyyy-MM-dd}")
            : new PipelineRange(Name(pipeline, line, field), from, to);

    /// <param name="lineOf">The line a field (<paramref name="prefix"/> + name) is on: a CSV row's, or a JSON member's own.</param>
    public static ClassMetrics Checked(ClassMetrics metrics, EvaluationFields fields, Func<string, long> lineOf, string prefix)
    {
        if (metrics is { Ap: null, Recall: null, Precision: null })
        {
            throw fields.Error(lineOf(prefix), prefix.Length == 0 ? "class" : prefix.TrimEnd('.'), "has none of ap, recall, precision; a class needs at least one metric");
        }

        return new(
            fields.Metric(metrics.Ap, lineOf(prefix + "ap"), prefix + "ap"),
            fields.Metric(metrics.Recall, lineOf(prefix + "recall"), prefix + "recall"),
            fields.Metric(metrics.Precision, lineOf(prefix + "precision"), prefix + "precision"),
            fields.Objects(metrics.Objects, lineOf(prefix + "objects"), prefix + "objects"));
    }

    public TrainingData Training(IReadOnlyList<string> deliveries, IReadOnlyList<PipelineRange> pipelines, long line, string field) =>
        deliveries.Count == 0 && pipelines.Count == 0
            ? throw Error(line, field, "names no delivery and no pipeline; say what the version was trained on, or nothing can be linked to it")
            : new TrainingData(deliveries, pipelines);
}
