namespace Quality.Readme.Tests;

/// <summary>One command of a README <c>bash</c> block, with what the README says it prints, if anything.</summary>
/// <param name="Line">The 1-based README line the command starts on.</param>
/// <param name="Text">The command as the shell gets it (continuation lines joined).</param>
/// <param name="NotRunReason">Why the test does not run it (the README's <c># not run by the README test: …</c>), or null.</param>
/// <param name="Expected">The <c>output</c> block after it, or null.</param>
internal sealed record ReadmeCommand(int Line, string Text, string? NotRunReason, ExpectedOutput? Expected)
{
    public override string ToString() => $"README line {Line}: {Text}";
}
