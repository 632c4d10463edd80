namespace Quality.Domain.Formats.NuScenes;

/// <summary>
/// The texts a file repeats on every box — sample tokens (40 boxes a sample), classes, attribute names, visibility,
/// point counts — held once per reader: a repeated text costs a lookup instead of a string, and the annotations share
/// one instance. Bounded, so a file of unique texts costs no more than without it.
/// </summary>
internal sealed class NuScenesTexts
{
    private const int MaxTexts = 1 << 16;

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

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
}
