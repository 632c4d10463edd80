using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.LabelStudio;

/// <summary>
/// One entry of an annotation's <c>result</c>: <c>rectanglelabels</c> becomes a pixel box, <c>choices</c> a frame tag;
/// free text and relations carry no label and are passed over; any other type is an error, so that no objects
/// vanish from an audit unnoticed (docs/formats/label-studio.md).
/// </summary>
internal static class LabelStudioResultParser
{
    /// <summary>Separates the values of a multi-choice answer, which is read as one set-valued label.</summary>
    public const char ChoiceSeparator = '|';

    /// <summary>Result types without a label to audit: free-text notes and links between regions.</summary>
    private static readonly HashSet<string> Unlabelled = new(StringComparer.Ordinal) { "textarea", "relation" };

    /// <summary>The entry as an annotation of <paramref name="owner"/> (item, annotator, role), or null for a passed-over type.</summary>
    public static Annotation? Parse(JsonFields fields, JsonElement entry, string path, Annotation owner)
    {
        fields.Object(entry, path);
        var type = fields.Text(fields.Required(entry, "type", $"{path}.type"), $"{path}.type");
        var id = JsonFields.TryGet(entry, "id", out var idValue) ? fields.Id(idValue, $"{path}.id") : null;
        return type switch
        {
            "rectanglelabels" => Rectangle(fields, entry, path, owner) with { Id = id },
            "choices" => Choices(fields, entry, path, owner) with { Id = id },
            _ when Unlabelled.Contains(type) => null,
            _ => throw fields.Error($"{path}.type",
                $"'{type}' results are not read (only rectanglelabels and choices are); remove that control from the export or convert its results"),
        };
    }

    private static Annotation Rectangle(JsonFields fields, JsonElement entry, string path, Annotation owner)
    {
        var value = fields.Object(fields.Required(entry, "value", $"{path}.value"), $"{path}.value");
        var image = new ImageSize(
            fields.Positive(fields.Required(entry, "original_width", $"{path}.original_width"), $"{path}.original_width"),
            fields.Positive(fields.Required(entry, "original_height", $"{path}.original_height"), $"{path}.original_height"));
        double Read(string name, bool nonNegative)
        {
            var at = $"{path}.value.{name}";
            var number = fields.Required(value, name, at);
            return nonNegative ? fields.NonNegative(number, at) : fields.Number(number, at);
        }

        var rotation = JsonFields.TryGet(value, "rotation", out var turn) ? fields.Number(turn, $"{path}.value.rotation") : 0;
        var box = LabelStudioRectangle.ToPixels(Read("x", false), Read("y", false), Read("width", true), Read("height", true), rotation, image);
        var labelsPath = $"{path}.value.rectanglelabels";
        var labels = fields.Items(fields.Required(value, "rectanglelabels", labelsPath), labelsPath).ToList();
        if (labels.Count != 1)
        {
            throw fields.Error(labelsPath, $"has {labels.Count} labels; a box has exactly one class");
        }

        return owner with
        {
            Label = fields.Text(labels[0].Item, labels[0].Path),
            Box = box,
            Image = image,
            Attributes = rotation % 360 == 0 ? null : new Dictionary<string, string>(StringComparer.Ordinal) { ["rotation"] = JsonFields.Format(rotation) },
        };
    }

    private static Annotation Choices(JsonFields fields, JsonElement entry, string path, Annotation owner)
    {
        var field = fields.Text(fields.Required(entry, "from_name", $"{path}.from_name"), $"{path}.from_name");
        var choicesPath = $"{path}.value.choices";
        var value = fields.Object(fields.Required(entry, "value", $"{path}.value"), $"{path}.value");
        var choices = fields.Items(fields.Required(value, "choices", choicesPath), choicesPath)
            .Select(choice => fields.Text(choice.Item, choice.Path))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var label = string.Join(ChoiceSeparator, choices);
        if (!CanonicalFormat.IsValidId(label))
        {
            throw fields.Error(choicesPath, choices.Count == 0 ? "is empty" : $"the choices joined are longer than {CanonicalFormat.MaxIdLength} characters");
        }

        return owner with { Field = field, Label = label };
    }
}
