using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Formats.Canonical;

namespace Quality.Domain.Tests.Formats;

/// <summary><see cref="CanonicalFormat.IsValidId"/> answers as the per-character definition it replaced.</summary>
public sealed class CanonicalFormatProperties
{
    /// <summary>The definition: 1 to 256 UTF-16 characters, none of them <see cref="char.IsControl(char)"/>.</summary>
    private static bool Definition(string value) =>
        value.Length is > 0 and <= CanonicalFormat.MaxIdLength && !value.Any(char.IsControl);

    /// <summary>Mostly printable text with control characters, C1 controls, lone and paired surrogates mixed in.</summary>
    private static readonly Gen<char> Characters = Gen.OneOf(
        Gen.Choose(0x20, 0x7E).Select(c => (char)c),
        Gen.Choose(0, 0x1F).Select(c => (char)c),
        Gen.Choose(0x7F, 0xA0).Select(c => (char)c),
        Gen.Choose(0xD800, 0xDFFF).Select(c => (char)c),
        Gen.Choose(0, 0xFFFF).Select(c => (char)c));

    [Property(MaxTest = 2000)]
    public Property IsValidId_random_strings_answer_as_the_definition() => Prop.ForAll(
        (from length in Gen.OneOf(Gen.Choose(0, 40), Gen.Choose(250, 260))
         from clean in Gen.Elements(false, true)
         from characters in (clean ? Gen.Choose(0x20, 0x7E).Select(c => (char)c) : Characters).ArrayOf(length)
         select new string(characters)).ToArbitrary(),
        value => CanonicalFormat.IsValidId(value) == Definition(value));

    [Fact]
    public void IsValidId_every_character_alone_and_after_text_answers_as_the_definition()
    {
        for (var c = 0; c <= char.MaxValue; c++)
        {
            var alone = ((char)c).ToString();
            var late = new string('a', 40) + alone + "b";
            Assert.True(CanonicalFormat.IsValidId(alone) == Definition(alone), $"U+{c:X4}");
            Assert.True(CanonicalFormat.IsValidId(late) == Definition(late), $"U+{c:X4} after text");
        }
    }

    [Fact]
    public void IsValidId_lengths_around_the_limit()
    {
        Assert.False(CanonicalFormat.IsValidId(""));
        Assert.True(CanonicalFormat.IsValidId(new string('x', CanonicalFormat.MaxIdLength)));
        Assert.False(CanonicalFormat.IsValidId(new string('x', CanonicalFormat.MaxIdLength + 1)));
    }
}
