using System.Text.Json;

namespace Quality.Cli.Tests.Query;

/// <summary>
/// Tags against gold computed straight from delivery lines, without the product's readers or facts: every annotator tag
/// on an item where gold tagged the same field, with gold's value and the item's gold time of day.
/// </summary>
internal static class TagReference
{
    public sealed record Held(string Item, string Field, string Annotator, bool Correct, string? TimeOfDay);

    public static List<Held> Read(IEnumerable<string> files)
    {
        var held = new List<Held>();
        foreach (var file in files)
        {
            var lines = File.ReadLines(file).Skip(1).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(l => l.TryGetProperty("field", out _) && !l.TryGetProperty("geometry", out _)).ToList();
            var gold = lines.Where(l => l.GetProperty("role").GetString() == "gold")
                .ToDictionary(l => (l.GetProperty("item").GetString()!, l.GetProperty("field").GetString()!), l => l.GetProperty("label").GetString()!);
            foreach (var tag in lines.Where(l => l.GetProperty("role").GetString() == "annotator"))
            {
                var (item, field) = (tag.GetProperty("item").GetString()!, tag.GetProperty("field").GetString()!);
                if (gold.TryGetValue((item, field), out var value))
                {
                    held.Add(new Held(item, field, tag.GetProperty("annotator").GetString()!, tag.GetProperty("label").GetString() == value,
                        gold.GetValueOrDefault((item, "time_of_day"))));
                }
            }
        }

        return held;
    }
}
