namespace Quality.Readme.Tests;

public sealed class ReadmeCommandsTests
{
    [Fact]
    public void Parse_Blocks_CommandsWithTheirMarkersAndOutputs()
    {
        const string Markdown = """
            Text.

            ```bash
            # a comment
            # not run by the README test: it runs forever
            serve --forever
            step one \
              --and-more
            ```

            ```bash
            quality check
            ```

            ```output
            ok …
            ```

            ```text
            not an output block
            ```
            """;

        var commands = ReadmeCommands.Parse(Markdown);

        Assert.Equal(
            [(6, "serve --forever", "it runs forever", false), (7, "step one --and-more", null, false), (12, "quality check", null, true)],
            commands.Select(c => (c.Line, c.Text, c.NotRunReason, c.Expected is not null)));
        Assert.True(commands[2].Expected!.Matches("ok 3 files\n"));
    }

    [Fact]
    public void Parse_OutputAfterTwoCommands_IsAnError()
    {
        var error = Assert.Throws<FormatException>(() => ReadmeCommands.Parse("```bash\na\nb\n```\n```output\nx\n```\n"));

        Assert.Equal("README line 1: a bash block with an output block holds one command, not 2", error.Message);
    }
}
