using Quality.Tests.Shared;

namespace Quality.Readme.Tests;

/// <summary>
/// eng/install-cli.sh as the tests run it. Its runs share artifacts/tool and the CLI project's obj folder, so the tests
/// that install (<see cref="Collection"/>) run one at a time; the native command is compiled once per test run.
/// </summary>
internal static class InstallCli
{
    public const string Collection = "eng/install-cli.sh";

    private static readonly Lazy<Task<string>> Native = new(InstallNativeAsync);

    /// <summary>What every command runs with: the user's environment without the SDK's first-run notices.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary>The folder <c>QUALITY_CLI_NATIVE=1 eng/install-cli.sh</c> installed <c>quality</c> into.</summary>
    public static Task<string> NativeAsync() => Native.Value;

    /// <summary>Where a symbolic link (the tool's command) finally points.</summary>
    public static string Resolve(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static async Task<string> InstallNativeAsync()
    {
        var tools = Directory.CreateTempSubdirectory("native-tool-").FullName;
        // Natively compiling the command takes 2-3 minutes of both cores, while CI runs the other test projects beside it,
        // some of which time how fast a dev host starts: the compile runs at the lowest priority, in build processes of
        // its own (a reused MSBuild node would not inherit the priority).
        var environment = new Dictionary<string, string>(Environment)
        {
            ["QUALITY_TOOL_PATH"] = tools, ["QUALITY_CLI_NATIVE"] = "1", ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1",
        };
        var run = await ShellRun.RunAsync("nice -n 19 eng/install-cli.sh", Repository.Root, environment, TimeSpan.FromMinutes(15));
        return run.ExitCode == 0 ? tools : throw new InvalidOperationException($"eng/install-cli.sh exited {run.ExitCode}:\n{run.Output}\n{run.Error}");
    }
}

[CollectionDefinition(InstallCli.Collection)]
public sealed class InstallCliCollection;
