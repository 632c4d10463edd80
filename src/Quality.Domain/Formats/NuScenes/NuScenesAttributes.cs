using System.Collections.Frozen;
using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>What a nuScenes box says besides its geometry and class, as annotation attributes (docs/formats/nuscenes.md).</summary>
internal static class NuScenesAttributes
{
    /// <summary>Count fields kept under their own names.</summary>
    private static readonly (NuScenesField Field, string Name)[] Counts =
        [(NuScenesField.NumLidarPts, "num_lidar_pts"), (NuScenesField.NumRadarPts, "num_radar_pts")];

    /// <summary>
    /// Attributes measured from the box, the sweep or the model rather than judged by an annotator: kept on the box,
    /// not rated for agreement (docs/formats/nuscenes.md).
    /// </summary>
    public static readonly FrozenSet<string> Measurements =
        FrozenSet.ToFrozenSet(["num_lidar_pts", "num_radar_pts", "score", "velocity_x", "velocity_y"], StringComparer.Ordinal);

    /// <summary>The most attributes a box gives: attribute, two counts, visibility, score, two velocities.</summary>
    public const int MaxAttributes = 7;

    /// <param name="buffer">Room for the attributes as they are read, reused from box to box; the result is a copy of what it holds.</param>
    public static CompactDictionary? Read(JsonFields fields, NuScenesRecord record, NuScenesTexts texts, KeyValuePair<string, string>[] buffer)
    {
        var attributes = new Attributes(buffer);
        // Detection results write "" for a class without attributes.
        if (record.Has(NuScenesField.AttributeName) && !record.IsString(NuScenesField.AttributeName, ""u8))
        {
            attributes["attribute"] = record.Text(fields, NuScenesField.AttributeName, "attribute_name", texts);
        }

        if (record.Has(NuScenesField.AttributeNames) && AttributeNames(fields, record, texts) is { } names)
        {
            attributes["attribute"] = names;
        }

        foreach (var (field, name) in Counts)
        {
            if (record.Has(field))
            {
                attributes[name] = record.Count(fields, field, name, texts);
            }
        }

        if (record.Has(NuScenesField.VisibilityToken))
        {
            attributes["visibility"] = record.Id(fields, NuScenesField.VisibilityToken, "visibility_token", texts);
        }

        if (record.Has(NuScenesField.DetectionScore))
        {
            attributes["score"] = JsonFields.Format(record.Number(fields, NuScenesField.DetectionScore, "detection_score"));
        }

        if (record.Has(NuScenesField.Velocity))
        {
            Span<double> v = stackalloc double[2];
            record.Numbers(fields, NuScenesField.Velocity, "velocity", v);
            (attributes["velocity_x"], attributes["velocity_y"]) = (JsonFields.Format(v[0]), JsonFields.Format(v[1]));
        }

        return attributes.Count == 0 ? null : new CompactDictionary(attributes.Entries[..attributes.Count]);
    }

    /// <summary>
    /// <c>attribute_names</c> in ordinal order joined by '|'; null when empty. One name, the usual box, is the one the
    /// scan read, or else is read without a list; an item's path is formatted only for its error.
    /// </summary>
    private static string? AttributeNames(JsonFields fields, NuScenesRecord record, NuScenesTexts texts)
    {
        if (record.ScannedText(NuScenesField.AttributeNames) is { } single)
        {
            return single;
        }

        var raw = record.Raw(NuScenesField.AttributeNames);
        var reader = new Utf8JsonReader(raw);
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw fields.Error("attribute_names", $"{JsonFields.Describe(raw)} is not an array");
        }

        string? first = null;
        List<string>? all = null;
        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var name = NuScenesRecord.Text(fields, raw[start..(int)reader.BytesConsumed], "attribute_names", count, texts);
            if (count == 0)
            {
                first = name;
            }
            else
            {
                (all ??= [first!]).Add(name);
            }

            count++;
        }

        if (all is null)
        {
            return first;
        }

        all.Sort(StringComparer.Ordinal);
        return string.Join('|', all);
    }

    /// <summary>The attributes read so far, in the order first set; setting one again replaces its value in place, as a dictionary's indexer does.</summary>
    private ref struct Attributes(KeyValuePair<string, string>[] entries)
    {
        public readonly KeyValuePair<string, string>[] Entries = entries;

        public int Count { get; private set; }

        public string this[string name]
        {
            set
            {
                var at = 0;
                while (at < Count && !string.Equals(Entries[at].Key, name, StringComparison.Ordinal))
                {
                    at++;
                }

                Entries[at] = new(name, value);
                Count = Math.Max(Count, at + 1);
            }
        }
    }
}
