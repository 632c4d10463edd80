using System.Runtime.CompilerServices;
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

    /// <param name="fields">The record's place in its file, for errors (<see cref="JsonFields.MoveTo"/>).</param>
    /// <param name="json">The record's UTF-8 text, read in place (no document is built).</param>
    /// <param name="scan">What the splitter's pass found in it; not scanned when the record is no object.</param>
    /// <param name="sampleToken">The sample the record is filed under in a results file; null when it names its own.</param>
    /// <param name="source">Whose boxes, in which role, and the file's path in its manifest (<see cref="FileRole.ManifestPath"/>).</param>
    /// <param name="texts">The reader's repeated texts (sample tokens, classes, attributes, counts).</param>
    /// <param name="attributeBuffer">The reader's room for a box's attributes as they are read (<see cref="NuScenesAttributes.MaxAttributes"/>).</param>
    // Compiled optimised at its first call, not left in tier-0 code by a one-shot audit: runs once per box.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Annotation Parse(
        JsonFields fields, ReadOnlySpan<byte> json, NuScenesBoxScan scan, string? sampleToken, (string Annotator, AnnotatorRole Role, string? File) source,
        NuScenesTexts texts, KeyValuePair<string, string>[] attributeBuffer)
    {
        if (!scan.IsScanned)
        {
            throw fields.Error(null, $"{JsonFields.Describe(json)} is not an object");
        }

        var record = new NuScenesRecord(json, scan);
        string? id = record.Has(NuScenesField.Token) ? record.Id(fields, NuScenesField.Token, "token") : null;
        if (id is not null)
        {
            fields.Identify(id);
        }

        var item = Item(fields, record, sampleToken, texts);
        Span<double> translation = stackalloc double[3];
        record.Numbers(fields, NuScenesField.Translation, "translation", translation);
        Span<double> size = stackalloc double[3];
        record.Numbers(fields, NuScenesField.Size, "size", size);
        if (size[0] < 0 || size[1] < 0 || size[2] < 0)
        {
            throw fields.Error("size", "has a negative size");
        }

        Span<double> rotation = stackalloc double[4];
        record.Numbers(fields, NuScenesField.Rotation, "rotation", rotation);
        var yaw = Yaw(fields, rotation);
        var label = Label(fields, record, texts);
        var attributes = NuScenesAttributes.Read(fields, record, texts, attributeBuffer);
        return new Annotation(item, source.Annotator, source.Role, Annotation.DefaultField, label, fields.Line)
        {
            File = source.File,
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
    private static double Yaw(JsonFields fields, ReadOnlySpan<double> q)
    {
        var norm = Math.Sqrt((q[0] * q[0]) + (q[1] * q[1]) + (q[2] * q[2]) + (q[3] * q[3]));
        if (!(Math.Abs(norm - 1) <= UnitQuaternionTolerance))
        {
            throw fields.Error("rotation", $"|q| = {JsonFields.Format(norm)}; a rotation quaternion [w, x, y, z] has length 1");
        }

        var (w, x, y, z) = (q[0], q[1], q[2], q[3]);
        return Math.Atan2(2 * ((w * z) + (x * y)), 1 - (2 * ((y * y) + (z * z))));
    }

    private static string Item(JsonFields fields, NuScenesRecord record, string? sampleToken, NuScenesTexts texts)
    {
        var own = record.Has(NuScenesField.SampleToken) ? record.Id(fields, NuScenesField.SampleToken, "sample_token", texts) : null;
        return (sampleToken, own) switch
        {
            (null, null) => throw fields.Error("sample_token", "missing"),
            (null, _) => own,
            (_, null) => sampleToken,
            _ when own == sampleToken => own,
            _ => throw fields.Error("sample_token", $"'{own}' differs from the sample '{sampleToken}' the box is filed under"),
        };
    }

    private static string Label(JsonFields fields, NuScenesRecord record, NuScenesTexts texts) =>
        record.Has(NuScenesField.CategoryName) ? record.Text(fields, NuScenesField.CategoryName, "category_name", texts)
        : record.Has(NuScenesField.DetectionName) ? record.Text(fields, NuScenesField.DetectionName, "detection_name", texts)
        : throw fields.Error("category_name", "missing (and no detection_name)");
}
