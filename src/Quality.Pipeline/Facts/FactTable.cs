namespace Quality.Pipeline.Facts;

/// <summary>The two facts tables; a file's name starts with its table's, so both share one partition folder.</summary>
public static class FactTable
{
    public const string Objects = "objects";

    public const string Tags = "tags";

    public static IReadOnlyList<string> All => [Objects, Tags];
}
