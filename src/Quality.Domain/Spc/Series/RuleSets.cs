namespace Quality.Domain.Spc.Series;

/// <summary>The names of <see cref="RuleSet"/>: none, we, nelson.</summary>
public static class RuleSets
{
    private static readonly NameTable<RuleSet> Names =
        new("rule set", (RuleSet.None, "none"), (RuleSet.WesternElectric, "we"), (RuleSet.Nelson, "nelson"));

    public static IReadOnlyList<string> All => Names.All;

    /// <summary>Parses a name, ignoring case and surrounding white space.</summary>
    public static bool TryParse(string? name, out RuleSet rules) => Names.TryParse(name, out rules);

    /// <exception cref="ArgumentException">Not one of <see cref="All"/>.</exception>
    public static RuleSet Parse(string name) => Names.Parse(name);

    public static string ToName(this RuleSet rules) => Names.Name(rules);
}
