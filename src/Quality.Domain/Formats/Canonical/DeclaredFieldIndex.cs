using System.Globalization;
using System.Text;
using Quality.Domain.Agreement;

namespace Quality.Domain.Formats.Canonical;

/// <summary>
/// The declarations in force (<see cref="DeliveryHeader.Fields"/>), looked up by a field's UTF-8 name and checked on a
/// value's UTF-8 bytes, for the ingest fast path (<see cref="CanonicalLineValidator"/>): the same verdict as
/// <see cref="FieldDeclaration.Problem"/> without making the value a string. A value it cannot judge byte for byte
/// (a number field's non-ASCII text, a declared value that is not valid UTF-16) it leaves undecided.
/// </summary>
internal sealed class DeclaredFieldIndex
{
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _byName;

    public DeclaredFieldIndex(IReadOnlyDictionary<string, FieldDeclaration> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (name, declaration) in fields)
        {
            entries[name] = new Entry(declaration.Level, declaration.Values?.Select(Utf8).ToArray());
        }

        IsEmpty = entries.Count == 0;
        _byName = entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>No field is declared: nothing to check (<see cref="DeliveryHeader.Check"/> returns at once).</summary>
    public bool IsEmpty { get; }

    /// <summary>Whether a field of this UTF-8 name is declared; true also when this index cannot tell.</summary>
    public bool IsDeclared(ReadOnlySpan<byte> name) => !IsEmpty && (!Find(name, out var entry) || entry is not null);

    /// <summary>
    /// Whether <paramref name="value"/> surely fits the field named <paramref name="name"/> (both UTF-8; an undeclared
    /// field takes any value). False when it does not, or when this index cannot tell.
    /// </summary>
    public bool Fits(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (IsEmpty)
        {
            return true;
        }

        if (!Find(name, out var entry))
        {
            return false;
        }

        if (entry is null)
        {
            return true;
        }

        if (entry.Values is { } values && !Contains(values, value))
        {
            return false;
        }

        return entry.Level switch
        {
            MeasurementLevel.Interval => IsFinite(value, out _),
            MeasurementLevel.Ratio => IsFinite(value, out var v) && v >= 0,
            _ => true,
        };
    }

    /// <summary>The field's entry, null when it is not declared; false when the name is not one this index can look up.</summary>
    private bool Find(ReadOnlySpan<byte> name, out Entry? entry)
    {
        entry = null;
        if (name.Length > CanonicalFormat.MaxIdLength || !Ascii.IsValid(name))
        {
            return false;
        }

        Span<char> chars = stackalloc char[name.Length];
        Ascii.ToUtf16(name, chars, out _);
        _byName.TryGetValue(chars, out entry);
        return true;
    }

    private static bool Contains(byte[]?[] values, ReadOnlySpan<byte> value)
    {
        foreach (var declared in values)
        {
            if (declared is null)
            {
                // A declared value that is not valid UTF-16 has no UTF-8 form to compare: undecided.
                return false;
            }

            if (value.SequenceEqual(declared))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>As <see cref="FieldDeclaration"/> parses a number field's text; ASCII only, where both parsers agree.</summary>
    private static bool IsFinite(ReadOnlySpan<byte> value, out double number)
    {
        number = 0;
        return Ascii.IsValid(value)
            && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out number)
            && double.IsFinite(number);
    }

    /// <summary>The value's UTF-8 bytes, or null when it does not round-trip (a lone surrogate).</summary>
    private static byte[]? Utf8(string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        return Encoding.UTF8.GetString(bytes) == value ? bytes : null;
    }

    private sealed record Entry(MeasurementLevel Level, byte[]?[]? Values);
}
