using Quality.Tests.Shared;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality audit</c> on every delivery of the bad-input corpus: the pipeline's precise error, exit code 2.</summary>
public sealed class AuditBadInputTests
{
    public static TheoryData<string> Cases => [.. BadDeliveries.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadDelivery_PrintsFileLineFieldAndExits2(string name)
    {
        var bad = BadDeliveries.All.Single(c => c.Name == name);
        var folder = Directory.CreateTempSubdirectory("cli-bad-");
        try
        {
            foreach (var (path, bytes) in bad.Files)
            {
                await File.WriteAllBytesAsync(Path.Combine(folder.FullName, path), bytes);
            }

            var run = await CliRun.InvokeAsync("audit", Path.Combine(folder.FullName, bad.IsMultiFile ? "manifest.json" : "delivery.jsonl"));

            Assert.Equal(ExitCodes.BadInput, run.ExitCode);
            var where = bad.Line > 0 ? $"{bad.File} line {bad.Line}" : bad.File;
            Assert.StartsWith(bad.Field is null ? where + ": " : $"{where}, field '{bad.Field}': ", run.Error, StringComparison.Ordinal);
            Assert.Contains(bad.Problem, run.Error, StringComparison.Ordinal);
            Assert.Equal("", run.Output);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
