namespace Quality.Tests.Shared;

/// <summary>The checkout the tests run from: samples, docs and <c>../shared</c> are found relative to it.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    /// <summary>The workplace's shared folder beside the checkout (reference values, third-party data).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Sample(string name) => Path.Combine(Root, "samples", name);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Serverless.Quality.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
