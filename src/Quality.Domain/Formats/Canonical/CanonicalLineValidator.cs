using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Quality.Domain.Formats.JsonLines;

namespace Quality.Domain.Formats.Canonical;

/// <summary>
/// Ingest's fast path: decides, without building an <see cref="Annotations.Annotation"/>, that a delivered line is one
/// <see cref="CanonicalLineParser.ParseAnnotation"/> accepts and whose tag or attributes fit the declarations in force
/// (<see cref="DeliveryHeader.Check"/>), and finds its item for the shard. It accepts only what it can decide on the
/// bytes — ids in printable ASCII, strings without escapes, a declared attribute's number written as plain digits —
/// and leaves everything else, every bad line included, to the parser, so an error is the parser's, word for word.
/// </summary>
/// <remarks>
/// The invariant its tests hold it to: whatever it accepts, the parser and the check accept too, with the same item.
/// It may refuse a good line (the parser then reads it, more slowly); it must never accept a bad one.
/// </remarks>
internal static class CanonicalLineValidator
{
    private const int X = 0, Y = 1, Z = 2, Length = 3, Width = 4, Height = 5, Yaw = 6;

    private const int BoxValues = 1 << X | 1 << Y | 1 << Width | 1 << Height;
    private const int CuboidValues = BoxValues | 1 << Z | 1 << Length | 1 << Yaw;

    /// <summary>Bytes an id may be made of here: printable ASCII, which has no control character (<see cref="CanonicalFormat.IsValidId"/>).</summary>
    private static readonly SearchValues<byte> NotPrintableAscii = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(b => (byte)b), .. Enumerable.Range(0x7F, 0x81).Select(b => (byte)b)]);

    private enum Geometry
    {
        None,
        Box2D,
        Cuboid,
    }

    /// <summary>
    /// True when <paramref name="json"/> is a valid annotation line of a delivery (not of a shard) that fits
    /// <paramref name="declarations"/>; <paramref name="item"/> is then where its item id's UTF-8 bytes are in the line.
    /// False when it is not, or when this pass cannot tell: read the line with the parser.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsValid(ReadOnlySpan<byte> json, DeclaredFieldIndex declarations, out Range item)
    {
        item = default;
        try
        {
            return Validate(json, declarations, out item);
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static bool Validate(ReadOnlySpan<byte> json, DeclaredFieldIndex declarations, out Range item)
    {
        item = default;
        var reader = new Utf8JsonReader(json, CanonicalLineParser.ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        Range field = default, label = default;
        bool hasItem = false, hasAnnotator = false, hasLabel = false, hasField = false, hasImage = false, attributesFit = true;
        var geometry = Geometry.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            var fits = name.Length switch
            {
                2 when name.SequenceEqual("id"u8) => ReadString(ref reader, out _),
                4 when name.SequenceEqual("item"u8) => hasItem = ReadId(ref reader, out item),
                4 when name.SequenceEqual("role"u8) => ReadString(ref reader, out var role)
                    && (role.SequenceEqual("annotator"u8) || role.SequenceEqual("reviewer"u8) || role.SequenceEqual("gold"u8)),
                5 when name.SequenceEqual("label"u8) => hasLabel = ReadId(ref reader, out label),
                5 when name.SequenceEqual("field"u8) => hasField = ReadId(ref reader, out field),
                5 when name.SequenceEqual("image"u8) => hasImage = ReadImage(ref reader),
                8 when name.SequenceEqual("geometry"u8) => (geometry = ReadGeometry(ref reader)) != Geometry.None,
                9 when name.SequenceEqual("annotator"u8) => hasAnnotator = ReadId(ref reader, out _),
                10 when name.SequenceEqual("attributes"u8) => ReadAttributes(ref reader, declarations, ref attributesFit),
                _ => false,
            };
            if (!fits)
            {
                return false;
            }
        }

        // The object's end, then nothing but whitespace (the reader throws on a second value).
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return false;
        }

        if (!hasItem || !hasAnnotator || !hasLabel || (hasImage && geometry != Geometry.Box2D) || (hasField && geometry != Geometry.None))
        {
            return false;
        }

        // A tag's value is checked against its field, an object's attributes against theirs (DeliveryHeader.Check).
        return geometry == Geometry.None
            ? declarations.Fits(hasField ? json[field] : "label"u8, json[label])
            : attributesFit;
    }

    /// <summary>A string without escapes in valid UTF-8 (what the parser decodes without error).</summary>
    private static bool ReadString(ref Utf8JsonReader reader, out ReadOnlySpan<byte> value)
    {
        reader.Read();
        value = reader.ValueSpan;
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            && System.Text.Unicode.Utf8.IsValid(value);
    }

    /// <summary>An id: 1 to 256 printable ASCII characters without escapes; <paramref name="at"/> is where its bytes are in the line.</summary>
    private static bool ReadId(ref Utf8JsonReader reader, out Range at)
    {
        reader.Read();
        var value = reader.ValueSpan;
        var start = (int)reader.TokenStartIndex + 1;
        at = new Range(start, start + value.Length);
        return reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence
            && value.Length is > 0 and <= CanonicalFormat.MaxIdLength && !value.ContainsAny(NotPrintableAscii);
    }

    /// <summary>
    /// A number the parser reads as finite, and its sign after rounding (-1, 0 or 1). A token without an exponent of at
    /// most 300 characters is told from its digits: it is 0 or between 1e-298 and 1e300 in size, so finite and not
    /// rounded to 0 (which the parser's check of a size would see); any other is parsed as the parser parses it.
    /// </summary>
    private static bool ReadFinite(ref Utf8JsonReader reader, out int sign)
    {
        reader.Read();
        sign = 0;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return false;
        }

        var token = reader.ValueSpan;
        if (!reader.HasValueSequence && token.Length <= 300 && !token.ContainsAny((byte)'e', (byte)'E'))
        {
            sign = !token.ContainsAnyInRange((byte)'1', (byte)'9') ? 0 : token[0] == (byte)'-' ? -1 : 1;
            return true;
        }

        var value = JsonNumberParser.GetDouble(ref reader);
        sign = Math.Sign(value);
        return double.IsFinite(value);
    }

    /// <summary>A box2d or cuboid with exactly its numbers, sizes not negative; <see cref="Geometry.None"/> otherwise.</summary>
    private static Geometry ReadGeometry(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return Geometry.None;
        }

        var type = Geometry.None;
        var given = 0;
        Span<int> signs = stackalloc int[7];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return Geometry.None;
            }

            var name = reader.ValueSpan;
            if (name.SequenceEqual("type"u8))
            {
                if (!ReadString(ref reader, out var text))
                {
                    return Geometry.None;
                }

                type = text.SequenceEqual("box2d"u8) ? Geometry.Box2D : text.SequenceEqual("cuboid"u8) ? Geometry.Cuboid : Geometry.None;
                if (type == Geometry.None)
                {
                    return Geometry.None;
                }

                continue;
            }

            var k = name.Length switch
            {
                1 => name[0] switch { (byte)'x' => X, (byte)'y' => Y, (byte)'z' => Z, _ => -1 },
                3 when name.SequenceEqual("yaw"u8) => Yaw,
                5 when name.SequenceEqual("width"u8) => Width,
                6 when name.SequenceEqual("length"u8) => Length,
                6 when name.SequenceEqual("height"u8) => Height,
                _ => -1,
            };
            if (k < 0 || !ReadFinite(ref reader, out signs[k]))
            {
                return Geometry.None;
            }

            given |= 1 << k;
        }

        var fits = type switch
        {
            Geometry.Box2D => given == BoxValues && signs[Width] >= 0 && signs[Height] >= 0,
            Geometry.Cuboid => given == CuboidValues && signs[Length] >= 0 && signs[Width] >= 0 && signs[Height] >= 0,
            _ => false,
        };
        return fits ? type : Geometry.None;
    }

    /// <summary><c>{"width": w, "height": h}</c>, both positive.</summary>
    private static bool ReadImage(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        int width = 0, height = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            var read = !reader.ValueIsEscaped && (name.SequenceEqual("width"u8) ? ReadFinite(ref reader, out width)
                : name.SequenceEqual("height"u8) && ReadFinite(ref reader, out height));
            if (!read)
            {
                return false;
            }
        }

        return width > 0 && height > 0;
    }

    /// <summary>
    /// At least one attribute (an empty object is written anew, not passed through), each a string, number or boolean;
    /// <paramref name="fit"/> turns false when a declared field's value does not surely fit it.
    /// </summary>
    private static bool ReadAttributes(ref Utf8JsonReader reader, DeclaredFieldIndex declarations, ref bool fit)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            if (reader.ValueIsEscaped || !System.Text.Unicode.Utf8.IsValid(name))
            {
                return false;
            }

            count++;
            reader.Read();
            var value = reader.ValueSpan;
            switch (reader.TokenType)
            {
                case JsonTokenType.String when !reader.ValueIsEscaped && System.Text.Unicode.Utf8.IsValid(value):
                    fit &= declarations.Fits(name, value);
                    break;
                case JsonTokenType.True:
                    fit &= declarations.Fits(name, "true"u8);
                    break;
                case JsonTokenType.False:
                    fit &= declarations.Fits(name, "false"u8);
                    break;

                // The parser keeps a number of up to nine plain digits as its token, any other as its shortest round
                // trip, which only the parser makes: undecided if the field is declared.
                case JsonTokenType.Number when value.Length <= 9 && !value.ContainsAnyExceptInRange((byte)'0', (byte)'9'):
                    fit &= declarations.Fits(name, value);
                    break;
                case JsonTokenType.Number:
                    fit &= !declarations.IsDeclared(name);
                    break;
                default:
                    return false;
            }
        }

        return count > 0;
    }
}
