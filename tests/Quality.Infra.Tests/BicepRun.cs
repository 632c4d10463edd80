namespace Quality.Infra.Tests;

/// <summary>One run of the Bicep CLI: what it printed, and what it reported on standard error (its diagnostics).</summary>
internal readonly record struct BicepRun(string Command, int ExitCode, string Output, string Errors)
{
    /// <summary>Exit code 0 and not one diagnostic: Bicep prints warnings to standard error and still exits 0.</summary>
    public bool IsClean => ExitCode == 0 && Errors.Trim().Length == 0;

    public override string ToString() => $"bicep {Command} exited {ExitCode}{Environment.NewLine}{Errors}";
}
