using System.Text.Json;

namespace Quality.Cli.Tests.Commands;

/// <summary><c>quality audit manifest.json</c>: a multi-file delivery audited offline, as the pipeline reads it.</summary>
public sealed class AuditManifestTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cli-manifest-");

    private const string Manifest = """
        {"format":"serverless-quality.manifest","version":1,"vendor":"acme","taxonomy":{"name":"driving","version":"1.0.0"},"dataTypes":["frame-tags"],
         "files":[{"path":"ann-01.csv"},{"path":"tables/ann-02.csv"},{"path":"gold.csv","role":"gold"}]}
        """;

    private void Write(string path, string content)
    {
        var full = Path.Combine(_folder.FullName, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    [Fact]
    public async Task Manifest_AuditsEveryFile_NamesFromTheManifestOrItsFolder()
    {
        Write("manifest.json", Manifest);
        Write("gold.csv", "item,annotator,field,value\nf1,key,weather,clear\nf2,key,weather,rain\n");
        Write("ann-01.csv", "item,annotator,field,value\nf1,ann-01,weather,clear\nf2,ann-01,weather,rain\n");
        Write("tables/ann-02.csv", "item,annotator,field,value\nf1,ann-02,weather,clear\nf2,ann-02,weather,fog\n");

        var run = await CliRun.InvokeAsync("audit", Path.Combine(_folder.FullName, "manifest.json"), "--json");

        Assert.Equal((ExitCodes.Success, ""), (run.ExitCode, run.Error));
        using var report = JsonDocument.Parse(run.Output);
        var root = report.RootElement;
        Assert.Equal((2, 2, 6), (root.GetProperty("items").GetInt32(), root.GetProperty("annotators").GetInt32(), root.GetProperty("annotations").GetInt32()));
        var delivery = root.GetProperty("delivery");
        Assert.Equal((_folder.Name, "local", "acme"), (delivery.GetProperty("deliveryId").GetString(), delivery.GetProperty("pipeline").GetString(), delivery.GetProperty("vendor").GetString()));
    }

    [Fact]
    public async Task Manifest_FileMissing_NamesTheManifestFieldAndExits2()
    {
        Write("manifest.json", Manifest);
        Write("gold.csv", "item,annotator,field,value\nf1,key,weather,clear\n");

        var run = await CliRun.InvokeAsync("audit", Path.Combine(_folder.FullName, "manifest.json"));

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("manifest.json, field 'files[0].path': 'ann-01.csv' is listed but was not delivered", run.Error.Trim());
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
