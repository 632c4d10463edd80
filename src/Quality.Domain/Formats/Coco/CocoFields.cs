using System.Text.Json;
using Quality.Domain.Formats.Json;
using Quality.Domain.Geometry;

namespace Quality.Domain.Formats.Coco;

/// <summary>The fields COCO instances and COCO results records share: the image, the category and the box.</summary>
internal static class CocoFields
{
    /// <summary><c>image_id</c> as the item id.</summary>
    public static string ImageId(JsonFields fields, JsonElement record) =>
        fields.Id(fields.Required(record, "image_id", "image_id"), "image_id");

    /// <summary>The class name of <c>category_id</c>; a code without a name is an error naming both.</summary>
    public static string Label(JsonFields fields, JsonElement record, IReadOnlyDictionary<string, string>? names, string missingNames)
    {
        var code = fields.Id(fields.Required(record, "category_id", "category_id"), "category_id");
        if (names is null)
        {
            throw fields.Error("category_id", $"{code} cannot be named: {missingNames}");
        }

        return names.TryGetValue(code, out var name) ? name : throw fields.Error("category_id", $"{code} is not one of the {names.Count} categories");
    }

    /// <summary><c>bbox</c> = [x, y, width, height] in pixels from the top-left corner.</summary>
    public static Box2D Box(JsonFields fields, JsonElement record)
    {
        if (!JsonFields.TryGet(record, "bbox", out var value))
        {
            throw fields.Error("bbox", "missing; only box annotations are read (segmentation-only records are not)");
        }

        var bbox = fields.Numbers(value, "bbox", 4);
        return bbox[2] >= 0 && bbox[3] >= 0
            ? new Box2D(bbox[0], bbox[1], bbox[2], bbox[3])
            : throw fields.Error("bbox", "has a negative width or height");
    }
}
