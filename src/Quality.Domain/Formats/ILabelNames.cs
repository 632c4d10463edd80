namespace Quality.Domain.Formats;

/// <summary>
/// A reader whose file names its classes (a COCO instances file's <c>categories</c>): a multi-file delivery passes
/// them on, as <see cref="FileRole.LabelNames"/>, to files that carry only class codes (COCO results).
/// </summary>
public interface ILabelNames
{
    /// <summary>Class names by code, once the reader has read them; null before.</summary>
    IReadOnlyDictionary<string, string>? LabelNames { get; }
}
