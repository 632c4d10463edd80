namespace Quality.Functions.Access;

/// <summary>The app roles' names as Entra ID puts them in a token's <c>roles</c> claim.</summary>
internal static class QualityRoles
{
    private static readonly QualityRole[] Granted = [QualityRole.Reader, QualityRole.Reviewer, QualityRole.Admin];

    public static string Name(QualityRole role) => role switch
    {
        QualityRole.Reader => "quality.reader",
        QualityRole.Reviewer => "quality.reviewer",
        QualityRole.Admin => "quality.admin",
        _ => "none",
    };

    /// <summary>The highest quality role among a principal's role claims, or null when it has none.</summary>
    public static QualityRole? Highest(IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        QualityRole? highest = null;
        foreach (var role in roles)
        {
            foreach (var granted in Granted.Where(g => Name(g) == role && (highest is null || g > highest)))
            {
                highest = granted;
            }
        }

        return highest;
    }
}
