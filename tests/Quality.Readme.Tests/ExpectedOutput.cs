using System.Text;
using System.Text.RegularExpressions;

namespace Quality.Readme.Tests;

/// <summary>
/// An <c>output</c> block of the README: the lines a command prints, where <c>…</c> stands for any text within a line and
/// a line holding only <c>…</c> for any number of lines (none included). Everything else is compared exactly, line by
/// line, trailing spaces aside.
/// </summary>
internal sealed class ExpectedOutput
{
    public const string Ellipsis = "…";

    private readonly Regex _pattern;

    public ExpectedOutput(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        Lines = lines;
        var pattern = new StringBuilder(@"\A");
        foreach (var line in lines.Select(l => l.TrimEnd()))
        {
            pattern.Append(line == Ellipsis
                ? @"(?:[^\n]*\n)*?"
                : string.Join("[^\n]*", line.Split(Ellipsis).Select(Regex.Escape)) + @"\n");
        }

        _pattern = new Regex(pattern.Append(@"\z").ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(10));
    }

    public IReadOnlyList<string> Lines { get; }

    public bool Matches(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var lines = output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return _pattern.IsMatch(string.Concat(lines.Select(l => l + "\n")));
    }

    public override string ToString() => string.Join('\n', Lines);
}
