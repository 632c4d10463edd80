namespace Quality.Domain.Spc.Series;

/// <summary>The run rules evaluated on a series besides its limits; <see cref="RuleSets"/> parses "none", "we", "nelson".</summary>
public enum RuleSet
{
    /// <summary>Only points beyond the chart's limits signal.</summary>
    None,

    /// <summary><see cref="ControlRules.WesternElectric"/> rules 2–4.</summary>
    WesternElectric,

    /// <summary><see cref="ControlRules.Nelson"/> rules 2–8.</summary>
    Nelson,
}
