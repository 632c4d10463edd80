using System.Text.Json;
using Quality.Domain.Annotations;
using Quality.Domain.Formats.Json;

namespace Quality.Domain.Formats.LabelStudio;

/// <summary>
/// One Label Studio task: each of its <c>annotations</c> (legacy exports: <c>completions</c>) that was not
/// cancelled, by its <c>completed_by</c> user id. <c>predictions</c> are model output, not annotations, and are not read.
/// </summary>
internal static class LabelStudioTaskParser
{
    private static readonly string[] AnnotationLists = ["annotations", "completions"];

    /// <returns>The task's item id.</returns>
    /// <param name="unnamed">Counts the annotations that name no annotator (and gives each a name).</param>
    public static string Parse(JsonFields fields, JsonElement task, FileRole file, Queue<Annotation> annotations, UnnamedAnnotators unnamed)
    {
        fields.Object(task, null);
        var item = fields.Id(fields.Required(task, "id", "id"), "id");
        fields.Identify(item);
        foreach (var list in AnnotationLists)
        {
            if (JsonFields.TryGet(task, list, out var entries))
            {
                foreach (var (entry, path) in fields.Items(entries, list))
                {
                    ParseAnnotation(fields, entry, path, item, file, annotations, unnamed);
                }
            }
        }

        return item;
    }

    private static void ParseAnnotation(
        JsonFields fields, JsonElement entry, string path, string item, FileRole file, Queue<Annotation> annotations, UnnamedAnnotators unnamed)
    {
        fields.Object(entry, path);
        if (fields.Flag(entry, "was_cancelled", $"{path}.was_cancelled"))
        {
            return;
        }

        var role = file.Role ?? (fields.Flag(entry, "ground_truth", $"{path}.ground_truth") ? AnnotatorRole.Gold : AnnotatorRole.Annotator);
        // What every result of this annotation shares; each result fills in its label and geometry.
        var owner = new Annotation(item, Annotator(fields, entry, path, item, file, unnamed), role, Annotation.DefaultField, Label: "", fields.Line);
        var read = new List<Annotation>();
        foreach (var (result, resultPath) in Results(fields, fields.Required(entry, "result", $"{path}.result"), $"{path}.result"))
        {
            if (LabelStudioResultParser.Parse(fields, result, resultPath, owner) is { } annotation)
            {
                read.Add(annotation);
            }
        }

        foreach (var annotation in AttachRegionChoices(read))
        {
            annotations.Enqueue(annotation);
        }
    }

    /// <summary>
    /// The user id in <c>completed_by</c> (a number, or an object with <c>id</c>; its e-mail is never read), else the
    /// annotator the delivery declares for the file, else the annotation itself (<see cref="UnnamedAnnotators"/>).
    /// </summary>
    private static string Annotator(JsonFields fields, JsonElement entry, string path, string item, FileRole file, UnnamedAnnotators unnamed)
    {
        var at = $"{path}.completed_by";
        if (!JsonFields.TryGet(entry, "completed_by", out var by))
        {
            return file.Annotator ?? unnamed.Name(fields.Line, at,
                JsonFields.TryGet(entry, "id", out var id) ? fields.Id(id, $"{path}.id") : null, item, path);
        }

        return by.ValueKind switch
        {
            JsonValueKind.Number => fields.Id(by, at),
            JsonValueKind.Object => fields.Id(fields.Required(by, "id", $"{at}.id"), $"{at}.id"),
            _ => throw fields.Error(at, "is neither a user id nor a user object with an 'id' (e-mail addresses are not used as annotator ids)"),
        };
    }

    /// <summary>Legacy completions may nest the results one array deeper (<c>"result": [[{...}]]</c>).</summary>
    private static IEnumerable<(JsonElement Result, string Path)> Results(JsonFields fields, JsonElement results, string path)
    {
        foreach (var (result, resultPath) in fields.Items(results, path))
        {
            if (result.ValueKind == JsonValueKind.Array)
            {
                foreach (var nested in fields.Items(result, resultPath))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return (result, resultPath);
            }
        }
    }

    /// <summary>
    /// A per-region classification (<c>choices</c> with the id of a box in the same annotation) describes that box,
    /// not the image: it becomes the box's attribute named by its <c>from_name</c>.
    /// </summary>
    private static IEnumerable<Annotation> AttachRegionChoices(List<Annotation> read)
    {
        var boxIds = read.Where(a => a.Box is not null && a.Id is not null).Select(a => a.Id!).ToHashSet(StringComparer.Ordinal);
        bool IsRegionTag(Annotation a) => a.IsTag && a.Id is not null && boxIds.Contains(a.Id);
        var regionTags = read.Where(IsRegionTag).ToLookup(a => a.Id!, StringComparer.Ordinal);
        return regionTags.Count == 0
            ? read
            : read.Where(a => !IsRegionTag(a)).Select(a => a.Id is not null && regionTags.Contains(a.Id)
                ? a with { Attributes = WithTags(a.Attributes, regionTags[a.Id]) }
                : a);
    }

    private static Dictionary<string, string> WithTags(IReadOnlyDictionary<string, string>? attributes, IEnumerable<Annotation> tags)
    {
        var all = attributes is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(attributes, StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            all[tag.Field] = tag.Label;
        }

        return all;
    }
}
