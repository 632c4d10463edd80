using System.Buffers;
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
    public const string SafeNamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$";

    /// <summary>Whether <paramref name="value"/> matches <see cref="SafeNamePattern"/>.</summary>
    public static bool IsSafeName(string value) => SafeName().IsMatch(value);

    /// <summary>Ids may be any printable text without control characters.</summary>
    /// <remarks>
    /// <see cref="char.IsControl(char)"/> holds for exactly U+0000–U+001F and U+007F–U+009F (category Cc has no other
    /// members), so one vectorised search for those 65 characters gives its answer; called four times a line at ingest.
    /// </remarks>
    public static bool IsValidId(string value) =>
        value.Length is > 0 and <= MaxIdLength && !value.AsSpan().ContainsAny(ControlCharacters);

    private static readonly SearchValues<char> ControlCharacters = SearchValues.Create(
        string.Concat(Enumerable.Range(0, 0x20).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c)));

    /// <summary>Most entries a header's <c>metadata</c> may carry: each becomes a stratum of the root-cause drill-down.</summary>
    public const int MaxMetadataEntries = 32;

    /// <summary>
    /// What is wrong with the <paramref name="count"/>-th entry of a header's <c>metadata</c> (site, shift, tool or guideline
    /// version: strata of the root-cause drill-down), or null: a safe name, a value that is a valid id.
    /// </summary>
    public static string? CheckMetadata(string name, string value, int count)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(value);
        if (count > MaxMetadataEntries)
        {
            return $"more than {MaxMetadataEntries} metadata entries";
        }

        if (!IsSafeName(name))
        {
            return $"the name '{name}' must be 1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit";
        }

        return IsValidId(value) ? null : $"must be 1 to {MaxIdLength} characters without control characters";
    }

    [GeneratedRegex(SafeNamePattern, RegexOptions.CultureInvariant)]
    private static partial Regex SafeName();
}
