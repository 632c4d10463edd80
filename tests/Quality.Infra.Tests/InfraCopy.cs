namespace Quality.Infra.Tests;

/// <summary>
/// A scratch copy of infra/ for the CLI commands that write beside their input (<c>snapshot</c>, <c>format</c>), so
/// the checkout stays untouched and parallel tests do not meet. Deleted on dispose.
/// </summary>
internal sealed class InfraCopy : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("quality-infra-");

    public InfraCopy()
    {
        foreach (var directory in Directory.EnumerateDirectories(InfraTemplate.Directory, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(FullName, Path.GetRelativePath(InfraTemplate.Directory, directory)));
        }

        foreach (var file in Directory.EnumerateFiles(InfraTemplate.Directory, "*", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(FullName, Path.GetRelativePath(InfraTemplate.Directory, file)));
        }
    }

    public string FullName => _directory.FullName;

    public void Dispose() => _directory.Delete(recursive: true);
}
