using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Manifest;
using Quality.Domain.Standards;
using Quality.Domain.Taxonomy;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Formats;

/// <summary>
/// The documents a delivery's readers and the verdict depend on, damaged at random: a manifest raises only
/// <see cref="DeliveryFormatException"/>, a taxonomy only <see cref="TaxonomyFormatException"/>, a standard only
/// <see cref="StandardFormatException"/>; never another exception.
/// </summary>
public sealed class DocumentFuzzProperties
{
    private const string Manifest = """
        {"format":"serverless-quality.manifest","version":1,"taxonomy":{"name":"driving","version":"1.0.0"},"dataTypes":["boxes-2d"],
         "fields":{"occlusion":{"level":"ordinal","values":["0","1","2"]}},
         "files":[{"path":"gold.json","format":"coco","role":"gold"},{"path":"a/ann-01.json","annotator":"ann-01"}]}
        """;

    private static readonly string Taxonomy = File.ReadAllText(Path.Combine(Repository.Root, "samples", "taxonomies", "driving@1.1.0.yaml"));
    private static readonly string Standard = File.ReadAllText(Path.Combine(Repository.Root, "samples", "standards", "front-lidar-cuboids.yaml"));

    private static readonly byte[][] Insertions =
        ["\""u8.ToArray(), "{"u8.ToArray(), "["u8.ToArray(), "}"u8.ToArray(), ":"u8.ToArray(), "- "u8.ToArray(), "&a "u8.ToArray(), "*a"u8.ToArray(),
         "\n  "u8.ToArray(), "\t"u8.ToArray(), "NaN"u8.ToArray(), "1e999"u8.ToArray(), "!!binary "u8.ToArray(), [0xC3], [0xFF], [0xEF, 0xBB, 0xBF]];

    private static Gen<byte[]> Damaged(string valid) =>
        from kind in Gen.Choose(0, 3)
        from at in Gen.Choose(0, 100_000)
        from length in Gen.Choose(1, 30)
        from insertion in Gen.Elements(Insertions)
        select Damage(Encoding.UTF8.GetBytes(valid), kind, at, length, insertion);

    private static byte[] Damage(byte[] bytes, int kind, int at, int length, byte[] insertion)
    {
        var position = at % bytes.Length;
        var end = Math.Min(bytes.Length, position + length);
        return kind switch
        {
            0 => bytes[..position],
            1 => [.. bytes[..position], .. insertion, .. bytes[position..]],
            2 => [.. bytes[..position], .. bytes[end..]],
            _ => [.. bytes[..end], .. bytes[position..]],
        };
    }

    [Property(MaxTest = 500)]
    public Property Damaged_manifest_parses_or_raises_the_typed_error() => Prop.ForAll(Damaged(Manifest).ToArbitrary(), bytes =>
    {
        try
        {
            ManifestParser.Parse(bytes, "p/v/d/manifest.json", ("d", "p", "v"));
        }
        catch (DeliveryFormatException)
        {
        }
    });

    /// <summary>The CI run that found YamlDotNet throwing ArgumentException ("the current event is of an unsupported type").</summary>
    [Property(MaxTest = 300, Replay = "(2338345569216760905,14342519669979486311)")]
    public Property Damaged_taxonomy_found_by_ci_raises_the_typed_error() => Damaged_taxonomy_parses_or_raises_the_typed_error();

    [Property(MaxTest = 300)]
    public Property Damaged_taxonomy_parses_or_raises_the_typed_error() => Prop.ForAll(Damaged(Taxonomy).ToArbitrary(), bytes =>
    {
        try
        {
            TaxonomyDocument.Parse(Encoding.UTF8.GetString(bytes), "driving@1.1.0.yaml");
        }
        catch (TaxonomyFormatException)
        {
        }
    });

    [Property(MaxTest = 300)]
    public Property Damaged_standard_parses_or_raises_the_typed_error() => Prop.ForAll(Damaged(Standard).ToArbitrary(), bytes =>
    {
        try
        {
            StandardDocument.Parse(Encoding.UTF8.GetString(bytes), "front-lidar-cuboids.yaml");
        }
        catch (StandardFormatException)
        {
        }
    });
}
