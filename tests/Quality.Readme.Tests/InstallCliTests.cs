using Quality.Tests.Shared;

namespace Quality.Readme.Tests;

/// <summary>
/// eng/install-cli.sh's choice between native code and the managed command. The default where a C compiler is on PATH
/// (native) is the README's install, checked by <see cref="ReadmeTests"/> and <see cref="NativeCommandTests"/>; these
/// check the two ways a user overrides it.
/// </summary>
[Collection(InstallCli.Collection)]
public sealed class InstallCliTests
{
    [Fact]
    public async Task InstallCli_NativeZero_InstallsTheManagedCommandThatRuns()
    {
        var installed = await InstallCli.InstallAsync(new Dictionary<string, string> { ["QUALITY_CLI_NATIVE"] = "0" });
        var tools = installed.Succeeded();

        Assert.True(installed.IsManaged, $"QUALITY_CLI_NATIVE=0 installed native code: {installed.Command}");
        Assert.DoesNotContain("native", installed.Run.Output, StringComparison.Ordinal);
        // This checkout's command: the version and commit the build output prints.
        var version = await ShellRun.RunAsync($"{tools}/quality --version", Repository.Root, InstallCli.Environment, TimeSpan.FromMinutes(1));
        var built = await ShellRun.RunAsync($"dotnet {Path.Combine(AppContext.BaseDirectory, "quality.dll")} --version", Repository.Root, InstallCli.Environment, TimeSpan.FromMinutes(1));
        Assert.Equal((0, built.Output), (version.ExitCode, version.Output));
        Assert.NotEqual("", built.Output.Trim());
    }

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
