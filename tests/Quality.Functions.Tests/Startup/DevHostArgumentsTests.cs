using Quality.LocalHost.Startup;

namespace Quality.Functions.Tests.Startup;

public sealed class DevHostArgumentsTests
{
    [Fact]
    public void TryParse_OwnSwitches_BecomeSettingsAndTheRestIsPassedOn()
    {
        Assert.True(DevHostArguments.TryParse(["--in-memory", "--urls", "http://localhost:7072", "--azurite-ports", "20000", "--Durable:Worker", "false"], out var parsed, out _));

        Assert.Equal(["--urls", "http://localhost:7072", "--Durable:Worker", "false"], parsed.Remaining);
        Assert.Equal(
            new Dictionary<string, string?> { ["Azurite:InMemory"] = "true", ["Azurite:BlobPort"] = "20000", ["Azurite:QueuePort"] = "20001", ["Azurite:TablePort"] = "20002" },
            parsed.Settings);
        Assert.False(parsed.Help);
    }

    [Theory]
    [InlineData("--azurite-ports=0", "0", "0")]
    [InlineData("--azurite-ports=30000", "30000", "30002")]
    public void TryParse_AzuritePortsWithEquals_SetsAllThree(string argument, string blob, string table)
    {
        Assert.True(DevHostArguments.TryParse([argument], out var parsed, out _));

        Assert.Equal((blob, table), (parsed.Settings["Azurite:BlobPort"], parsed.Settings["Azurite:TablePort"]));
    }

    [Theory]
    [InlineData("--azurite-ports")]
    [InlineData("--azurite-ports", "ten")]
    [InlineData("--azurite-ports", "65534")]
    [InlineData("--azurite-ports", "-1")]
    public void TryParse_BadPorts_SaysWhatIsExpected(params string[] args)
    {
        Assert.False(DevHostArguments.TryParse(args, out _, out var problem));

        Assert.StartsWith("--azurite-ports needs the first of three free ports", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Help_IsHelp()
    {
        Assert.True(DevHostArguments.TryParse(["--help"], out var parsed, out _));

        Assert.True(parsed.Help);
        Assert.Contains("--in-memory", DevHostArguments.Usage, StringComparison.Ordinal);
    }
}
