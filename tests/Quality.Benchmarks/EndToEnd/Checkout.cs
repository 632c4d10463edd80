namespace Quality.Benchmarks.EndToEnd;

/// <summary>Where the end-to-end benchmarks find what they run: the built <c>quality</c> command and the Python baselines.</summary>
internal static class Checkout
{
    /// <summary>The repository root: the folder above this assembly that holds the solution.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The Python that has Debian's numpy, scipy and shapely (pyenv's <c>python3</c> on PATH has not).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary><c>tools/baselines/{name}</c>.</summary>
    public static string Baseline(string name) => Path.Combine(Root, "tools", "baselines", name);

    /// <summary>The <c>quality</c> command's assembly from <c>dotnet build -c Release src/Quality.Cli</c>.</summary>
    /// <exception cref="InvalidOperationException">It is not built: says how to build it.</exception>
    public static string QualityCli()
    {
        var path = Path.Combine(Root, "src", "Quality.Cli", "bin", "Release", "net10.0", "quality.dll");
        return File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: dotnet build -c Release src/Quality.Cli");
    }

    /// <summary>
    /// The program and first arguments that run <paramref name="cli"/>: <c>dotnet quality.dll</c> for an assembly (the
    /// build output, the ReadyToRun publish), the file itself for the natively compiled command (eng/install-cli.sh).
    /// </summary>
    public static (string Program, string[] Arguments) Command(string cli, params string[] arguments) =>
        cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? ("dotnet", [cli, .. arguments]) : (cli, arguments);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Serverless.Quality.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no Serverless.Quality.sln above {AppContext.BaseDirectory}");
    }
}
