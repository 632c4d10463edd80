using System.Text;
using Quality.Tests.Shared;
using Xunit.Abstractions;

namespace Quality.Readme.Tests;

/// <summary>
/// The natively compiled command — what <c>eng/install-cli.sh</c> installs by default where gcc or clang is on PATH,
/// as on CI (.ci/run installs gcc) — installed for real and run beside the managed build of the same checkout: every command below must exit as the
/// managed one does and print the same bytes, and the Parquet facts each writes must be the same files.
/// </summary>
[Collection(InstallCli.Collection)]
public sealed class NativeCommandTests(ITestOutputHelper log)
{
    /// <summary>
    /// Every command of the CLI with the shipped samples, JSON and text, and two bad inputs. <c>{facts}</c> is a folder of
    /// each build's own, written by its audits before its queries read it; <c>{empty}</c> a folder without facts.
    /// </summary>
    private static readonly string[] Commands =
    [
        "audit samples/front-camera-tags.jsonl --json",
        "audit samples/front-lidar-cuboids.jsonl --iou 0.5 --iou-mode bev",
        "audit samples/front-lidar-cuboids.jsonl --standard samples/standards/front-lidar-cuboids.yaml --json",
        "audit samples/krippendorff-2011.csv --level value=interval --json",
        "audit samples/krippendorff-2011.jsonl",
        "audit samples/front-camera-tags.jsonl --taxonomy samples/taxonomies/driving@1.1.0.yaml --json",
        "sample samples/front-lidar-cuboids.jsonl --standard samples/standards/front-lidar-cuboids.yaml --json",
        "sampling plan --lot 1500 --aql 1.0 --level II --json",
        "sampling size --margin 0.05 --confidence 0.95 --population 10000 --json",
        "sampling demonstrate --limit 0.01 --confidence 0.95 --json",
        "spc samples/gold-error-rates.csv --chart laney-p --baseline 20 --json",
        "standard validate samples/standards/front-lidar-cuboids.yaml",
        "taxonomy diff samples/taxonomies/driving@1.0.0.yaml samples/taxonomies/driving@1.1.0.yaml --json",
        "models compare samples/model-linkage/v41.json samples/model-linkage/v42.json --audits samples/model-linkage/audits --json",
        "models correlate samples/model-linkage/v40.json samples/model-linkage/v41.json samples/model-linkage/v42.json samples/model-linkage/v43.csv samples/model-linkage/v44.json --audits samples/model-linkage/audits",
        "audit samples/missing.jsonl",
        "audit samples/krippendorff-2011.csv --level value=bogus",
        "audit samples/front-lidar-cuboids.jsonl --facts {facts} --facts-date 2026-11-26 --json",
        "audit samples/front-camera-tags.jsonl --facts {facts} --facts-date 2026-11-26",
        "query 'select outcome, count(*) as n, avg(iou) as mean_iou from objects group by all order by all' --facts {facts} --json",
        "query 'select * from objects order by all limit 5' --facts {facts} --json",
        "query 'select * from tags order by all limit 5' --facts {facts} --csv",
        "query 'select pipeline, count(*) as n from tags group by all' --facts {empty} --json",
    ];

    [Fact]
    public async Task NativeCommand_EveryCommand_PrintsAndWritesWhatTheManagedOneDoes()
    {
        var installed = await InstallCli.DefaultInstallAsync();
        var tools = installed.Succeeded();
        Assert.False(installed.IsManaged, "the default install put a managed assembly where native code was expected (is gcc on PATH?)");

        var managed = Path.Combine(AppContext.BaseDirectory, "quality.dll");
        var (nativeFacts, managedFacts, empty) = (TempFolder("native-facts-"), TempFolder("managed-facts-"), TempFolder("no-facts-"));
        var failures = new StringBuilder();
        foreach (var command in Commands)
        {
            var native = await ShellRun.RunAsync($"{tools}/quality {command.Replace("{facts}", nativeFacts).Replace("{empty}", empty)}",
                Repository.Root, InstallCli.Environment, TimeSpan.FromMinutes(2));
            var expected = await ShellRun.RunAsync($"dotnet {managed} {command.Replace("{facts}", managedFacts).Replace("{empty}", empty)}",
                Repository.Root, InstallCli.Environment, TimeSpan.FromMinutes(2));
            log.WriteLine($"{command}: exit {native.ExitCode} (managed {expected.ExitCode}), {native.Output.Length} characters");
            // A failing command's message is on stderr (a run that succeeds writes its progress there, which differs).
            if (native.ExitCode != expected.ExitCode || native.Output != expected.Output || (native.ExitCode != 0 && native.Error != expected.Error))
            {
                failures.AppendLine($"quality {command}: native exit {native.ExitCode}, managed {expected.ExitCode}; outputs {(native.Output == expected.Output ? "equal" : "differ")}\nnative: {native.Error}\nmanaged: {expected.Error}");
            }
        }

        Assert.True(failures.Length == 0, failures.ToString());
        // The facts files are named after their batch and hold its rows: the same audits write the same files.
        Assert.Equal(2, FactFiles(managedFacts).Count);
        Assert.Equal(FactFiles(managedFacts), FactFiles(nativeFacts));
    }

    private static string TempFolder(string prefix) => Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The Parquet files under <paramref name="folder"/>, by path relative to it, with their bytes as Base64.</summary>
    private static SortedDictionary<string, string> FactFiles(string folder) =>
        new(Directory.EnumerateFiles(folder, "*.parquet", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToBase64String(File.ReadAllBytes(f))), StringComparer.Ordinal);
}
