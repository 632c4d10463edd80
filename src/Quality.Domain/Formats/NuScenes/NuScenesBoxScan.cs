using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>
/// What the splitter's one pass over a box record found (<see cref="IJsonElementScanner"/>): where each known field's
/// value lies and, when the value has its usual shape, the value itself — the numbers of a translation, size, rotation,
/// velocity or score as doubles, an id, class, attribute, visibility or count as its string — so that no usual value is
/// tokenised twice. A value of any other shape (a wrong type or count, an escaped, non-ASCII or invalid text) keeps its
/// place alone, and <see cref="NuScenesRecord"/> reads it from there with the errors it always gave. One per reader,
/// reused from box to box.
/// </summary>
internal sealed partial class NuScenesBoxScan(NuScenesTexts texts)
{
    /// <summary>Room for the (start, length) of every field.</summary>
    public const int FieldCount = (int)NuScenesField.Velocity + 1;

    /// <summary>The most numbers a field holds: a rotation quaternion's four.</summary>
    private const int MaxNumbers = 4;

    private static readonly byte[][] Names =
    [
        "token"u8.ToArray(), "sample_token"u8.ToArray(), "translation"u8.ToArray(), "size"u8.ToArray(), "rotation"u8.ToArray(),
        "category_name"u8.ToArray(), "detection_name"u8.ToArray(), "attribute_name"u8.ToArray(), "attribute_names"u8.ToArray(),
        "num_lidar_pts"u8.ToArray(), "num_radar_pts"u8.ToArray(), "visibility_token"u8.ToArray(), "detection_score"u8.ToArray(),
        "velocity"u8.ToArray(),
    ];

    /// <summary>Per name length, the fields of that length: a property name is compared with those alone.</summary>
    /// <remarks>No name is longer than 16 bytes (<see cref="Key"/>).</remarks>
    private static readonly int[][] NamesByLength =
        [.. Enumerable.Range(0, Names.Max(name => name.Length) + 1).Select(length => Enumerable.Range(0, Names.Length).Where(i => Names[i].Length == length).ToArray())];

    /// <summary>Per field, its name's <see cref="Key"/>.</summary>
    private static readonly (ulong First, ulong Last)[] NameKeys = [.. Names.Select(name => Key(name))];

    /// <summary>Per field, the shape of its usual value and how many numbers that is.</summary>
    private static readonly (Shape Shape, int Numbers)[] Usual =
    [
        (Shape.Text, 0), (Shape.Text, 0), (Shape.Numbers, 3), (Shape.Numbers, 3), (Shape.Numbers, 4),
        (Shape.Text, 0), (Shape.Text, 0), (Shape.Text, 0), (Shape.Names, 0),
        (Shape.Count, 0), (Shape.Count, 0), (Shape.Text, 0), (Shape.Number, 1),
        (Shape.Numbers, 2),
    ];

    /// <summary>Per field, its value's start and length from the object's first byte; length 0 when absent or null.</summary>
    private readonly (int Start, int Length)[] _places = new (int, int)[FieldCount];

    private readonly string?[] _texts = new string?[FieldCount];
    private readonly double[] _numbers = new double[FieldCount * MaxNumbers];
    private readonly bool[] _hasNumbers = new bool[FieldCount];

    /// <summary>The reader's repeated texts, which the scan's texts come from.</summary>
    public NuScenesTexts Texts => texts;

    /// <summary>Whether the last <see cref="Scan"/> read an object to its end (a record that is no object is not scanned).</summary>
    public bool IsScanned { get; private set; }

    /// <summary>Forgets the last box, before the splitter reads the next element.</summary>
    public void Reset() => IsScanned = false;

    /// <summary>
    /// Reads the object whose StartObject <paramref name="reader"/> is on to its EndObject, as
    /// <see cref="IJsonElementScanner.TryScan"/> asks; false when the reader's data ends first, and the splitter calls
    /// again from the object's start after a refill.
    /// </summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Scan(ref Utf8JsonReader reader)
    {
        var origin = (int)reader.TokenStartIndex;
        Array.Clear(_places);
        Array.Clear(_texts);
        Array.Clear(_hasNumbers);
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.PropertyName)
            {
                return IsScanned = true;
            }

            var field = Find(ref reader);
            if (!reader.Read())
            {
                return false;
            }

            var start = (int)reader.TokenStartIndex - origin;
            var isNull = reader.TokenType == JsonTokenType.Null;
            if (!(field < 0 ? reader.TrySkip() : TryRead((NuScenesField)field, ref reader)))
            {
                return false;
            }

            if (field >= 0)
            {
                // A repeated property: the last one counts, as JsonElement.TryGetProperty finds it; null is absent.
                _places[field] = isNull ? default : (start, (int)reader.BytesConsumed - origin - start);
            }
        }
    }

    public bool Has(NuScenesField field) => _places[(int)field].Length > 0;

    /// <summary>The value's raw JSON text in the record <paramref name="json"/>; empty when absent.</summary>
    public ReadOnlySpan<byte> Raw(ReadOnlySpan<byte> json, NuScenesField field) => json.Slice(_places[(int)field].Start, _places[(int)field].Length);

    /// <summary>The field's text as read in the scan, or null when it was not a plain valid text.</summary>
    public string? Text(NuScenesField field) => _texts[(int)field];

    /// <summary>The field's numbers as read in the scan (as many as it should have), or none when they were not all finite numbers.</summary>
    public ReadOnlySpan<double> Numbers(NuScenesField field) =>
        _hasNumbers[(int)field] ? _numbers.AsSpan((int)field * MaxNumbers, Usual[(int)field].Numbers) : default;

    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Find(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            for (var i = 0; i < Names.Length; i++)
            {
                // Compared unescaped.
                if (reader.ValueTextEquals(Names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        return Find(reader.ValueSpan);
    }

    /// <summary>The field a property name without escapes names, or −1.</summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per property.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Find(ReadOnlySpan<byte> plain)
    {
        if (plain.Length >= NamesByLength.Length)
        {
            return -1;
        }

        var key = Key(plain);
        foreach (var i in NamesByLength[plain.Length])
        {
            if (NameKeys[i] == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A name of at most 16 bytes as two words, its first and last eight bytes (zero-padded when shorter): names of one
    /// length are equal when their keys are, compared in two word compares instead of byte by byte.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong First, ulong Last) Key(ReadOnlySpan<byte> name)
    {
        if (name.Length >= sizeof(ulong))
        {
            return (BinaryPrimitives.ReadUInt64LittleEndian(name), BinaryPrimitives.ReadUInt64LittleEndian(name[^sizeof(ulong)..]));
        }

        ulong first = 0;
        for (var i = name.Length - 1; i >= 0; i--)
        {
            first = (first << 8) | name[i];
        }

        return (first, 0);
    }

    /// <summary>Reads a known field's value to its last token, keeping it when it has its usual shape; false when the data ends first.</summary>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once or more per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryRead(NuScenesField field, ref Utf8JsonReader reader)
    {
        var at = (int)field;
        _texts[at] = null;
        _hasNumbers[at] = false;
        switch (Usual[at].Shape, reader.TokenType)
        {
            case (Shape.Numbers, JsonTokenType.StartArray):
                return TryReadNumbers(ref reader, _numbers.AsSpan(at * MaxNumbers, Usual[at].Numbers), out _hasNumbers[at]);
            case (Shape.Number, JsonTokenType.Number):
                _hasNumbers[at] = reader.TryGetDouble(out _numbers[at * MaxNumbers]) && double.IsFinite(_numbers[at * MaxNumbers]);
                return true;
            case (Shape.Count, JsonTokenType.Number):
                _texts[at] = IsCount(reader.ValueSpan) ? texts.GetCount(reader.ValueSpan) : null;
                return true;
            case (Shape.Text, JsonTokenType.String):
                // A box's own token is unique: made, not held.
                _texts[at] = !IsPlainText(ref reader) ? null
                    : field == NuScenesField.Token ? Encoding.ASCII.GetString(reader.ValueSpan)
                    : texts.GetAscii(reader.ValueSpan);
                return true;
            case (Shape.Names, JsonTokenType.StartArray):
                return TryReadName(ref reader, out _texts[at]);
            default:
                return reader.TrySkip();
        }
    }

    /// <summary>
    /// Reads the array the reader is on to its EndArray; <paramref name="isUsual"/> when it held exactly
    /// <c>into.Length</c> finite numbers, which are then in <paramref name="into"/>.
    /// </summary>
    private static bool TryReadNumbers(ref Utf8JsonReader reader, Span<double> into, out bool isUsual)
    {
        isUsual = true;
        var count = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            switch (reader.TokenType)
            {
                case JsonTokenType.EndArray:
                    isUsual &= count == into.Length;
                    return true;
                case JsonTokenType.Number when count < into.Length && reader.TryGetDouble(out var number) && double.IsFinite(number):
                    into[count] = number;
                    break;
                default:
                    isUsual = false;
                    if (!reader.TrySkip())
                    {
                        return false;
                    }

                    break;
            }

            count++;
        }
    }

    /// <summary>Reads <c>attribute_names</c> to its EndArray; <paramref name="name"/> is its item when it holds one plain valid text, the usual box.</summary>
    private bool TryReadName(ref Utf8JsonReader reader, out string? name)
    {
        name = null;
        var count = 0;
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndArray)
            {
                name = count == 1 ? name : null;
                return true;
            }

            if (count == 0 && reader.TokenType == JsonTokenType.String && IsPlainText(ref reader))
            {
                name = texts.GetAscii(reader.ValueSpan);
            }
            else if (!reader.TrySkip())
            {
                return false;
            }

            count++;
        }
    }

    /// <summary>What a field's usual value is, read in the scan: any other value is read from its place.</summary>
    private enum Shape
    {
        /// <summary>A string: an id, class, attribute or visibility (<see cref="NuScenesRecord.Text"/>, <see cref="NuScenesRecord.Id"/>).</summary>
        Text,

        /// <summary>An array of so many finite numbers (<see cref="NuScenesRecord.Numbers"/>).</summary>
        Numbers,

        /// <summary>One finite number (<see cref="NuScenesRecord.Number"/>).</summary>
        Number,

        /// <summary>A count, kept as its digits (<see cref="NuScenesRecord.Count"/>).</summary>
        Count,

        /// <summary>An array of attribute names, read here when it holds one.</summary>
        Names,
    }

    /// <summary>
    /// A string token that is printable ASCII without escapes, 1 to <see cref="CanonicalFormat.MaxIdLength"/> bytes: a
    /// valid id as it stands (<see cref="CanonicalFormat.IsValidId"/>), each byte one character.
    /// </summary>
    private static bool IsPlainText(ref Utf8JsonReader reader) =>
        !reader.ValueIsEscaped && reader.ValueSpan.Length is > 0 and <= CanonicalFormat.MaxIdLength
        && !reader.ValueSpan.ContainsAnyExceptInRange((byte)0x20, (byte)0x7E);

    /// <summary>
    /// A count's digits alone, at most 15: JSON has no leading zeros, so they are the shortest round-trip text of the
    /// number (<see cref="JsonFields.Format"/>), as <see cref="NuScenesRecord.Count"/> reads them.
    /// </summary>
    public static bool IsCount(ReadOnlySpan<byte> raw) =>
        raw.Length is > 0 and <= 15 && !raw.ContainsAnyExceptInRange((byte)'0', (byte)'9');
}
