using Quality.Domain.Agreement;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Agreement;

/// <summary>Reliability data as the literature prints it (a row per observer, a column per unit, "." missing).</summary>
internal static class ReliabilityData
{
    /// <summary>Rows like <c>"A: 1 2 . 3"</c>: the observer, then one value or "." per unit.</summary>
    public static RatingPatterns FromRows(params string[] rows) => FromUnits(Units(rows));

    public static RatingPatterns FromUnits(IEnumerable<IEnumerable<Rating>> units)
    {
        var patterns = new RatingPatterns();
        foreach (var unit in units)
        {
            patterns.AddUnit(unit);
        }

        return patterns;
    }

    /// <summary>The units of printed rows, in column order.</summary>
    public static List<List<Rating>> Units(params string[] rows)
    {
        var parsed = rows.Select(r => r.Split(':', 2)).Select(p => (Observer: p[0].Trim(), Values: p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        return Enumerable.Range(0, parsed[0].Values.Length)
            .Select(u => parsed.Where(r => r.Values[u] != ".").Select(r => new Rating(r.Observer, r.Values[u])).ToList())
            .ToList();
    }

    /// <summary>Hayes &amp; Krippendorff (2007) Table 1: <c>unit,obs1..obs5</c>, "." missing (jucor/krippendorff).</summary>
    public static RatingPatterns NewsTone()
    {
        var lines = File.ReadAllLines(Classic("news_tone_hayes2007.csv"));
        var observers = lines[0].Split(',')[1..];
        return FromUnits(lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(',')[1..]
            .Select((value, i) => new Rating(observers[i], value))
            .Where(r => r.Value != ".")));
    }

    /// <summary>Krippendorff (2004) §11.3.1: space separated, one row per observer after an <c>article</c> header.</summary>
    public static RatingPatterns NewsPresence() =>
        FromRows(File.ReadAllLines(Classic("news_presence_krippendorff2004_11_3_1.csv"))
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split(' ', 2))
            .Select(p => p[0] + ":" + p[1])
            .ToArray());

    private static string Classic(string file) => Path.Combine(Repository.Shared, "data", "krippendorff-classics", file);
}
