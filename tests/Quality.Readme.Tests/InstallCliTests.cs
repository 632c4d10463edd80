using Quality.Tests.Shared;

namespace Quality.Readme.Tests;

/// <summary>
/// eng/install-cli.sh's choice between native code and the managed command: the default where a C compiler is on PATH
/// (native) is checked by <see cref="NativeCommandTests"/>, <c>QUALITY_CLI_NATIVE=0</c> (the managed command) by
/// <see cref="ReadmeTests"/>; this checks a setting it does not know.
/// </summary>
[Collection(InstallCli.Collection)]
public sealed class InstallCliTests
{
    [Fact]
    public async Task InstallCli_UnknownNativeSetting_FailsSayingWhatItTakesAndInstallsNothing()
    {
        var installed = await InstallCli.InstallAsync(new Dictionary<string, string> { ["QUALITY_CLI_NATIVE"] = "yes" });

        Assert.Equal(1, installed.Run.ExitCode);
        Assert.Equal(
            "QUALITY_CLI_NATIVE=yes: expected 1 (native code), 0 (the managed command) or unset (native where it can be built)",
            installed.Run.Error.Trim());
        Assert.Empty(Directory.EnumerateFileSystemEntries(installed.Tools));
    }
}
