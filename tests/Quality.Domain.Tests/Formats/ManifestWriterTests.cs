using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;

namespace Quality.Domain.Tests.Formats;

/// <summary>A generated manifest reads back as the delivery it was written for.</summary>
public sealed class ManifestWriterTests
{
    [Fact]
    public void Written_manifest_parses_back_to_the_same_header_and_files()
    {
        var header = new DeliveryHeader("d-7", "front-camera", "acme", new TaxonomyReference("driving", "1.1.0"), ["boxes-2d", "frame-tags"])
        {
            Fields = new Dictionary<string, FieldDeclaration> { ["tone"] = new(MeasurementLevel.Ordinal, ["0", "1", "2"]) },
        };
        ManifestFile[] files =
        [
            new(0, "gold.json", "coco", null, AnnotatorRole.Gold),
            new(1, "ann-01.json", "coco-results", "ann-01", null),
            new(2, "tone.csv", "csv-wide", null, null, "tone"),
        ];

        var parsed = ManifestParser.Parse(ManifestWriter.Write(header, files), "manifest.json", ("d-7", "front-camera", "acme"));

        Assert.Equal(files, parsed.Files);
        Assert.Equal((header.DeliveryId, header.Pipeline, header.Vendor, header.Taxonomy), (parsed.Header.DeliveryId, parsed.Header.Pipeline, parsed.Header.Vendor, parsed.Header.Taxonomy));
        Assert.Equal(header.DataTypes, parsed.Header.DataTypes);
        Assert.Equal(MeasurementLevel.Ordinal, parsed.Header.Field("tone").Level);
        Assert.Equal(["0", "1", "2"], parsed.Header.Field("tone").Values!);
    }
}
