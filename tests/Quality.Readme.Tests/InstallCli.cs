using Quality.Tests.Shared;

namespace Quality.Readme.Tests;

/// <summary>
/// eng/install-cli.sh as the tests run it. Its runs share artifacts/tool and the CLI project's obj folder, so the tests
/// that install (<see cref="Collection"/>) run one at a time. The default install — native code where gcc or clang is on
/// PATH, as on CI — is run once per test run, by <see cref="NativeCommandTests"/>.
/// </summary>
internal static class InstallCli
{
    public const string Collection = "eng/install-cli.sh";

    /// <summary>The install script, as the README runs it.</summary>
    public const string Script = "eng/install-cli.sh";

    private static readonly Lazy<Task<Installed>> Default = new(() => InstallAsync(new Dictionary<string, string>()));

    /// <summary>What every command runs with: the user's environment without the SDK's first-run notices.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
    };

    /// <summary><c>eng/install-cli.sh</c> with no settings, run once: the folder it installed <c>quality</c> into and what it printed.</summary>
    public static Task<Installed> DefaultInstallAsync() => Default.Value;

    /// <summary>Runs <see cref="Script"/> into a new folder with <paramref name="settings"/> added to <see cref="Environment"/>.</summary>
    public static async Task<Installed> InstallAsync(IReadOnlyDictionary<string, string> settings)
    {
        var tools = Directory.CreateTempSubdirectory("quality-tool-").FullName;
        // Natively compiling the command takes 2-3 minutes of both cores, while CI runs the other test projects beside it,
        // some of which time how fast a dev host starts: the install runs at the lowest priority, in build processes of
        // its own (a reused MSBuild node would not inherit the priority).
        var environment = new Dictionary<string, string>(Environment)
        {
            ["QUALITY_TOOL_PATH"] = tools, ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_DO_NOT_USE_MSBUILD_SERVER"] = "1",
        };
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        return new Installed(tools, await ShellRun.RunAsync($"nice -n 19 {Script}", Repository.Root, environment, TimeSpan.FromMinutes(15)));
    }

    /// <summary>Where a symbolic link (the tool's command) finally points.</summary>
    public static string Resolve(string path) => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    /// <summary>An install: the folder given as <c>QUALITY_TOOL_PATH</c> and the script's run.</summary>
    public sealed record Installed(string Tools, ShellRun Run)
    {
        /// <summary>The installed command's own file: native code, or beside its managed assembly.</summary>
        public string Command => Resolve(Path.Combine(Tools, "quality"));

        /// <summary>Whether the command is a managed assembly run by the .NET host (quality.dll beside it), not native code.</summary>
        public bool IsManaged => File.Exists(Path.Combine(Path.GetDirectoryName(Command)!, "quality.dll"));

        /// <summary><see cref="Tools"/>, or what the script said when it failed.</summary>
        public string Succeeded() =>
            Run.ExitCode == 0 ? Tools : throw new InvalidOperationException($"eng/install-cli.sh exited {Run.ExitCode}:\n{Run.Output}\n{Run.Error}");
    }
}

[CollectionDefinition(InstallCli.Collection)]
public sealed class InstallCliCollection;
