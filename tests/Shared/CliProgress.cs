using System.Text.RegularExpressions;

namespace Quality.Tests.Shared;

/// <summary>
/// The plain progress lines <c>quality</c> writes on stderr once work passes a second (<c>WorkProgress</c>): read so
/// far, computing, done. On a loaded machine even a small audit passes that second, so a test that holds stderr to
/// "no warning, no error" holds it to that without these lines.
/// </summary>
internal static partial class CliProgress
{
    /// <summary><paramref name="error"/> without its progress lines.</summary>
    public static string Without(string error) => ProgressLine().Replace(error, "");

    [GeneratedRegex(@"(?m)^[^\n]*: (\d+% \(|working \(|read; computing |done in )[^\n]*\n?")]
    private static partial Regex ProgressLine();
}
