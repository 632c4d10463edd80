using System.Text.RegularExpressions;
using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Query;

/// <summary>The ten questions' SQL exactly as docs/query.md shows it: the page's SQL is the SQL the tests run.</summary>
internal static partial class DocumentedQueries
{
    public static IReadOnlyList<string> All { get; } = Load();

    /// <summary>Question <paramref name="number"/> (1-based, as the page numbers them).</summary>
    public static string Question(int number) => All[number - 1];

    private static List<string> Load()
    {
        var page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "query.md"));
        var section = page.Split("## Ten questions a quality lead asks")[1].Split("\n## ")[0];
        return [.. SqlBlock().Matches(section).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"```sql\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex SqlBlock();
}
