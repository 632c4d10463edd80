using System.CommandLine;
using Quality.Domain.Agreement;
using Quality.Domain.Formats.Canonical;

namespace Quality.Cli.Commands;

/// <summary>
/// <c>quality submit</c>'s options for files delivered as they are: where they go, and what their formats cannot say
/// (whose annotations, which is gold, which field a table's values are of), as the generated manifest will state it.
/// </summary>
internal sealed class VendorOptions
{
    private readonly Option<string> _pipeline = new("--pipeline") { Description = "The pipeline a vendor file or folder goes to (a canonical file's header names its own)." };
    private readonly Option<string> _vendor = new("--vendor") { Description = "The vendor." };
    private readonly Option<string> _deliveryId = new("--delivery-id") { Description = "The delivery's id: its folder is {pipeline}/{vendor}/{delivery-id}/." };
    private readonly Option<string[]> _annotators = new("--annotator")
    {
        Description = "Whose annotations a file holds, for formats that do not say (COCO, nuScenes): NAME for a single file, FILE=NAME in a folder "
            + "(repeatable; in a folder such files are otherwise named after the file, ann-01.json → ann-01).",
    };

    private readonly Option<string[]> _gold = new("--gold") { Description = "A file (its name or path in the folder) that is the gold key: every annotation in it has role gold (repeatable)." };
    private readonly Option<string> _field = new("--field") { Description = "The frame-tag field the values of a units × coders CSV table are of (default: value)." };
    private readonly Option<string> _taxonomy = new("--taxonomy") { Description = "The taxonomy the delivery is held to, name@major.minor.patch (default: none@0.0.0, unchecked)." };
    private readonly Option<string[]> _levels = new("--level") { Description = "Declare a field's level in the manifest: field=nominal|ordinal|interval|ratio (repeatable)." };

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in new Option[] { _pipeline, _vendor, _deliveryId, _annotators, _gold, _field, _taxonomy, _levels })
        {
            command.Options.Add(option);
        }
    }

    public VendorArguments Read(ParseResult parse) => new(
        parse.GetValue(_pipeline), parse.GetValue(_vendor), parse.GetValue(_deliveryId), parse.GetValue(_annotators) ?? [], parse.GetValue(_gold) ?? [],
        parse.GetValue(_field), parse.GetValue(_taxonomy), parse.GetValue(_levels) ?? []);
}

/// <summary>The vendor options as given.</summary>
internal sealed record VendorArguments(
    string? Pipeline, string? Vendor, string? DeliveryId, IReadOnlyList<string> Annotators, IReadOnlyList<string> Gold, string? Field, string? Taxonomy, IReadOnlyList<string> Levels)
{
    public bool NamesGiven => Pipeline is not null || Vendor is not null || DeliveryId is not null;

    /// <summary>The field declarations of <see cref="Levels"/>, or the first that is not one.</summary>
    public (Dictionary<string, FieldDeclaration> Fields, string? Problem) Fields()
    {
        var fields = new Dictionary<string, FieldDeclaration>(StringComparer.Ordinal);
        foreach (var level in Levels)
        {
            var parts = level.Split('=', 2);
            MeasurementLevel? parsed = parts.Length == 2 && parts[0].Length > 0 ? parts[1] switch
            {
                "nominal" => MeasurementLevel.Nominal,
                "ordinal" => MeasurementLevel.Ordinal,
                "interval" => MeasurementLevel.Interval,
                "ratio" => MeasurementLevel.Ratio,
                _ => null,
            } : null;
            if (parsed is null)
            {
                return (fields, $"--level '{level}': expected field=nominal|ordinal|interval|ratio");
            }

            fields[parts[0]] = new FieldDeclaration(parsed.Value);
        }

        return (fields, null);
    }
}
