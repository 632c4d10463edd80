namespace Quality.Domain.Taxonomy;

/// <summary>How diffs word a change of a set of names: "+a, +b, -c".</summary>
internal static class SetChange
{
    public static string Describe(IEnumerable<string> added, IEnumerable<string> removed) =>
        string.Join(", ", added.Select(a => "+" + a).Concat(removed.Select(r => "-" + r)));
}
