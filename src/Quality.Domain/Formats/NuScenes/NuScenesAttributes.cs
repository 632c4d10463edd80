using System.Collections.Frozen;
using System.Text.Json;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>What a nuScenes box says besides its geometry and class, as annotation attributes (docs/formats/nuscenes.md).</summary>
internal static class NuScenesAttributes
{
    /// <summary>Count fields kept under their own names.</summary>
    private static readonly string[] Counts = ["num_lidar_pts", "num_radar_pts"];

    /// <summary>
    /// Attributes measured from the box, the sweep or the model rather than judged by an annotator: kept on the box,
    /// not rated for agreement (docs/formats/nuscenes.md).
    /// </summary>
    public static readonly FrozenSet<string> Measurements =
        FrozenSet.ToFrozenSet(["num_lidar_pts", "num_radar_pts", "score", "velocity_x", "velocity_y"], StringComparer.Ordinal);

    public static Dictionary<string, string>? Read(JsonFields fields, JsonElement record)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        // Detection results write "" for a class without attributes.
        if (JsonFields.TryGet(record, "attribute_name", out var name) && !(name.ValueKind == JsonValueKind.String && name.ValueEquals("")))
        {
            attributes["attribute"] = fields.Text(name, "attribute_name");
        }

        if (JsonFields.TryGet(record, "attribute_names", out var names))
        {
            var all = fields.Items(names, "attribute_names").Select(n => fields.Text(n.Item, n.Path)).Order(StringComparer.Ordinal).ToList();
            if (all.Count > 0)
            {
                attributes["attribute"] = string.Join('|', all);
            }
        }

        foreach (var count in Counts)
        {
            if (JsonFields.TryGet(record, count, out var value))
            {
                attributes[count] = JsonFields.Format(fields.NonNegative(value, count));
            }
        }

        if (JsonFields.TryGet(record, "visibility_token", out var visibility))
        {
            attributes["visibility"] = fields.Id(visibility, "visibility_token");
        }

        if (JsonFields.TryGet(record, "detection_score", out var score))
        {
            attributes["score"] = JsonFields.Format(fields.Number(score, "detection_score"));
        }

        if (JsonFields.TryGet(record, "velocity", out var velocity))
        {
            var v = fields.Numbers(velocity, "velocity", 2);
            (attributes["velocity_x"], attributes["velocity_y"]) = (JsonFields.Format(v[0]), JsonFields.Format(v[1]));
        }

        return attributes.Count == 0 ? null : attributes;
    }
}
