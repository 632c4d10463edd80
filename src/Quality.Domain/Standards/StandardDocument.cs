using Quality.Domain.Yaml;

namespace Quality.Domain.Standards;

/// <summary>
/// Reads a quality standard YAML document (schema in <c>docs/standards.md</c>) into a validated
/// <see cref="QualityStandard"/>. Every error is a <see cref="StandardFormatException"/> naming the file, line, column
/// and YAML path of the node to blame; unknown keys are errors so a typo cannot silently drop a rule.
/// </summary>
public static class StandardDocument
{
    private static readonly string[] TopKeys = ["standard", "version", "description", "rules", "matching", "agreement", "spc", "sampling"];

    /// <param name="yaml">The document.</param>
    /// <param name="sourceName">The file or blob name errors name; <c>standard</c> when null.</param>
    /// <exception cref="StandardFormatException">The document is not a valid standard.</exception>
    public static QualityStandard Parse(string yaml, string? sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var source = new YamlSource(
            sourceName ?? "standard", (file, line, column, path, problem, inner) => new StandardFormatException(file, line, column, path, problem, inner));
        var root = source.Root(yaml);
        root.AllowOnly(TopKeys);
        var name = root.RequiredSafeName("standard");
        var version = root.RequiredVersion("version");
        var rules = StandardRuleReader.ReadAll(root);
        var agreement = StandardSettingsReader.Agreement(root, rules);
        return new QualityStandard(name, version, rules, yaml)
        {
            Description = root.String("description"),
            Matching = StandardSettingsReader.Matching(root),
            Agreement = agreement,
            Spc = StandardSettingsReader.Spc(root, agreement),
            Sampling = StandardSettingsReader.Sampling(root),
        };
    }
}
