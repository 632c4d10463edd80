using System.Text.RegularExpressions;

namespace Quality.Domain.Formats.Canonical;

/// <summary>Names and rules of the canonical JSON Lines delivery format, version 1 (docs/formats/canonical.md).</summary>
public static partial class CanonicalFormat
{
    public const string Name = "serverless-quality.canonical";

    public const int Version = 1;

    /// <summary>Longest item or annotator id; ids end up in table keys and blob names.</summary>
    public const int MaxIdLength = 256;

    /// <summary>Data types a header may declare.</summary>
    public static readonly IReadOnlySet<string> DataTypes =
        new HashSet<string>(StringComparer.Ordinal) { "frame-tags", "boxes-2d", "cuboids-3d" };

    /// <summary>Pipeline, vendor and delivery ids become blob path segments and table keys: a safe alphabet only.</summary>
    public static bool IsSafeName(string value) => SafeName().IsMatch(value);

    /// <summary>Ids may be any printable text without control characters.</summary>
    public static bool IsValidId(string value) =>
        value.Length is > 0 and <= MaxIdLength && !value.Any(char.IsControl);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
