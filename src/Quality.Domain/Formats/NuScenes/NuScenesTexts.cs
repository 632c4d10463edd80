using System.Text;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>
/// The texts a file repeats on every box — sample tokens (40 boxes a sample), classes, attribute names, visibility,
/// point counts — held once per reader: a repeated text costs a lookup instead of a string, and the annotations share
/// one instance. Bounded, so a file of unique texts costs no more than without it.
/// </summary>
internal sealed class NuScenesTexts
{
    private const int MaxTexts = 1 << 16;

    /// <summary>Counts below this are held by their value (<see cref="GetCount"/>).</summary>
    private const int HeldCounts = 1 << 12;

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>The counts met, by their value: a box's point counts take thousands of values, which would evict each other from <see cref="_recent"/>.</summary>
    private readonly string?[] _counts = new string?[HeldCounts];

    /// <summary>The held texts last met, by their UTF-8 bytes: a box's texts are found without decoding or hashing their characters.</summary>
    private readonly Utf8StringPool _recent = new();

    public NuScenesTexts() => _lookup = _texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The held string equal to <paramref name="chars"/>, or a new one (held while there is room) when valid.</summary>
    /// <param name="isValid">Checks a text not held yet; held texts passed it.</param>
    public bool TryGet(ReadOnlySpan<char> chars, Func<string, bool> isValid, out string text)
    {
        if (_lookup.TryGetValue(chars, out text!))
        {
            return true;
        }

        text = chars.ToString();
        if (!isValid(text))
        {
            return false;
        }

        if (_texts.Count < MaxTexts)
        {
            _texts[text] = text;
        }

        return true;
    }

    /// <summary>The held string of printable ASCII text the caller has checked (e.g. a valid id), or a new one held as <see cref="TryGet"/> holds it.</summary>
    /// <param name="ascii">At most <see cref="Canonical.CanonicalFormat.MaxIdLength"/> bytes.</param>
    public string GetAscii(ReadOnlySpan<byte> ascii)
    {
        if (_recent.TryGet(ascii, out var text))
        {
            return text;
        }

        Span<char> chars = stackalloc char[ascii.Length];
        Encoding.ASCII.GetChars(ascii, chars);
        TryGet(chars, static _ => true, out text);
        _recent.Add(ascii, text);
        return text;
    }

    /// <summary>A count's digits (at most 15, without leading zeros, as <see cref="NuScenesBoxScan.IsCount"/> checks them) as the held string of <see cref="GetAscii"/>.</summary>
    public string GetCount(ReadOnlySpan<byte> digits)
    {
        if (digits.Length > 4)
        {
            return GetAscii(digits);
        }

        var value = 0;
        foreach (var digit in digits)
        {
            value = (value * 10) + (digit - '0');
        }

        return value < HeldCounts ? _counts[value] ??= GetAscii(digits) : GetAscii(digits);
    }
}
