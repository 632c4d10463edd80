namespace Quality.Readme.Tests;

public sealed class ExpectedOutputTests
{
    [Theory]
    [InlineData("a\nb", "a\nb\n", true)]
    [InlineData("a\nb", "a\nb  \n\n", true)]
    [InlineData("a\nb", "a\nc\n", false)]
    [InlineData("a\nb", "a\nb\nc\n", false)]
    [InlineData("id …, done", "id 42, done\n", true)]
    [InlineData("id …, done", "id 42, not done\n", false)]
    [InlineData("first\n…\nlast", "first\nx\ny\nlast\n", true)]
    [InlineData("first\n…\nlast", "first\nlast\n", true)]
    [InlineData("…\nmiddle …\n…", "a\nmiddle 1\nb\n", true)]
    [InlineData("…\nmiddle …\n…", "a\nthe middle 1\nb\n", false)]
    [InlineData("x.y", "xzy\n", false)]
    public void Matches_EllipsisWithinAndAsALine_IsAnyTextAndAnyLines(string expected, string output, bool matches)
    {
        Assert.Equal(matches, new ExpectedOutput(expected.Split('\n')).Matches(output));
    }
}
