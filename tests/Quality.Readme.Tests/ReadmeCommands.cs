namespace Quality.Readme.Tests;

/// <summary>
/// The commands of a README's <c>bash</c> blocks, in order: continuation lines (<c>\</c>) joined, comment lines dropped,
/// a <c># not run by the README test: why</c> comment marking the command after it, and an <c>output</c> block right
/// after a block (blank lines between allowed) belonging to that block's one command.
/// </summary>
internal static class ReadmeCommands
{
    public const string NotRunMarker = "# not run by the README test:";

    public static IReadOnlyList<ReadmeCommand> Parse(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var lines = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var commands = new List<ReadmeCommand>();
        var blocks = Blocks(lines).ToList();
        for (var b = 0; b < blocks.Count; b++)
        {
            var block = blocks[b];
            if (block.Language == "output")
            {
                throw new FormatException($"README line {block.Start}: an output block must follow a bash block");
            }

            if (block.Language != "bash")
            {
                continue;
            }

            var found = Commands(block).ToList();
            if (b + 1 < blocks.Count && blocks[b + 1] is { Language: "output" } output && OnlyBlankBetween(lines, block.End, output.Start))
            {
                if (found.Count != 1)
                {
                    throw new FormatException($"README line {block.Start}: a bash block with an output block holds one command, not {found.Count}");
                }

                found[0] = found[0] with { Expected = new ExpectedOutput(output.Lines) };
                b++;
            }

            commands.AddRange(found);
        }

        return commands;
    }

    private static IEnumerable<ReadmeCommand> Commands(Block block)
    {
        string? notRun = null;
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines[i].Trim();
            if (line.StartsWith(NotRunMarker, StringComparison.Ordinal))
            {
                notRun = line[NotRunMarker.Length..].Trim();
                continue;
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var start = i;
            var text = line;
            while (text.EndsWith('\\') && i + 1 < block.Lines.Count)
            {
                text = text[..^1].TrimEnd() + " " + block.Lines[++i].Trim();
            }

            yield return new ReadmeCommand(block.Start + 1 + start, text, notRun, null);
            notRun = null;
        }
    }

    private static bool OnlyBlankBetween(string[] lines, int end, int start) =>
        lines.Skip(end).Take(start - end - 1).All(string.IsNullOrWhiteSpace);

    /// <summary>The fenced blocks: their language, the 1-based lines of their opening and closing fences, and their lines.</summary>
    private static IEnumerable<Block> Blocks(string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var language = lines[i][3..].Trim();
            var content = new List<string>();
            while (++i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal))
            {
                content.Add(lines[i]);
            }

            yield return new Block(language, start + 1, i + 1, content);
        }
    }

    private sealed record Block(string Language, int Start, int End, IReadOnlyList<string> Lines);
}
