namespace Quality.Cli;

/// <summary>The <c>quality</c> executable (named so it does not clash with the Functions host's <c>Program</c>).</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) =>
        QualityCommand.InvokeAsync(args, Console.Out, Console.Error, CancellationToken.None);
}
