using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Json;
using Quality.Domain.Geometry;

namespace Quality.Domain.Formats.NuScenes;

/// <summary>
/// One nuScenes box record (a <c>sample_annotation</c> with its class, or a detection-results box) as a cuboid
/// annotation. nuScenes writes <c>size</c> as [width, length, height] and <c>rotation</c> as a quaternion [w, x, y, z].
/// </summary>
internal static class NuScenesBoxParser
{
    /// <summary>How far |q| may be from 1: rounding in exported quaternions, not a different rotation.</summary>
    public const double UnitQuaternionTolerance = 1e-3;

    /// <param name="sampleToken">The sample the record is filed under in a results file; null when it names its own.</param>
    public static Annotation Parse(JsonFields fields, JsonElement record, string? sampleToken, string annotator, AnnotatorRole role)
    {
        fields.Object(record, null);
        string? id = JsonFields.TryGet(record, "token", out var token) ? fields.Id(token, "token") : null;
        if (id is not null)
        {
            fields.Identify(id);
        }

        var item = Item(fields, record, sampleToken);
        var translation = fields.Numbers(fields.Required(record, "translation", "translation"), "translation", 3);
        var size = fields.Numbers(fields.Required(record, "size", "size"), "size", 3);
        if (size.Any(s => s < 0))
        {
            throw fields.Error("size", "has a negative size");
        }

        var yaw = Yaw(fields, fields.Numbers(fields.Required(record, "rotation", "rotation"), "rotation", 4));
        var label = Label(fields, record);
        var attributes = NuScenesAttributes.Read(fields, record);
        return new Annotation(item, annotator, role, Annotation.DefaultField, label, fields.Line)
        {
            Id = id,
            Cuboid = new Cuboid(translation[0], translation[1], translation[2], Length: size[1], Width: size[0], Height: size[2], yaw),
            Attributes = attributes,
            Measurements = attributes is null ? null : NuScenesAttributes.Measurements,
        };
    }

    /// <summary>
    /// The heading of q = [w, x, y, z]: yaw = atan2(2(wz + xy), 1 − 2(y² + z²)), the rotation about z
    /// (pyquaternion's <c>yaw_pitch_roll[0]</c>, which nuscenes-devkit uses).
    /// </summary>
    private static double Yaw(JsonFields fields, double[] q)
    {
        var norm = Math.Sqrt(q.Sum(c => c * c));
        if (!(Math.Abs(norm - 1) <= UnitQuaternionTolerance))
        {
            throw fields.Error("rotation", $"|q| = {JsonFields.Format(norm)}; a rotation quaternion [w, x, y, z] has length 1");
        }

        var (w, x, y, z) = (q[0], q[1], q[2], q[3]);
        return Math.Atan2(2 * ((w * z) + (x * y)), 1 - (2 * ((y * y) + (z * z))));
    }

    private static string Item(JsonFields fields, JsonElement record, string? sampleToken)
    {
        var own = JsonFields.TryGet(record, "sample_token", out var value) ? fields.Id(value, "sample_token") : null;
        return (sampleToken, own) switch
        {
            (null, null) => throw fields.Error("sample_token", "missing"),
            (null, _) => own,
            (_, null) => sampleToken,
            _ when own == sampleToken => own,
            _ => throw fields.Error("sample_token", $"'{own}' differs from the sample '{sampleToken}' the box is filed under"),
        };
    }

    private static string Label(JsonFields fields, JsonElement record) =>
        JsonFields.TryGet(record, "category_name", out var category) ? fields.Text(category, "category_name")
        : JsonFields.TryGet(record, "detection_name", out var detection) ? fields.Text(detection, "detection_name")
        : throw fields.Error("category_name", "missing (and no detection_name)");
}
