using System.Text;
using System.Text.Json;
using Quality.Functions.CustomHandler;

namespace Quality.Functions.Tests.CustomHandler;

public sealed class BindingValueTests
{
    private const string Message = """{"v":1,"runId":"abc"}""";

    [Theory]
    [InlineData(Message)]                                                   // an object, as JSON
    [InlineData("\"{\\\"v\\\":1,\\\"runId\\\":\\\"abc\\\"}\"")]             // a string holding the JSON
    [InlineData("\"\\\"{\\\\\\\"v\\\\\\\":1,\\\\\\\"runId\\\\\\\":\\\\\\\"abc\\\\\\\"}\\\"\"")] // quoted twice (SerializeObject)
    public void ReadText_OneOrTwoLayersOfQuoting_YieldsTheMessage(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Equal(Message, BindingValue.ReadText(document.RootElement).Replace(" ", "", StringComparison.Ordinal));
    }

    [Fact]
    public void ReadText_Base64OfJson_YieldsTheMessage()
    {
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(Convert.ToBase64String(Encoding.UTF8.GetBytes(Message))));

        Assert.Equal(Message, BindingValue.ReadText(document.RootElement));
    }

    [Theory]
    [InlineData("""{"DequeueCount":3}""", 3)]
    [InlineData("""{"DequeueCount":"3"}""", 3)]
    [InlineData("""{"dequeuecount":"\"3\""}""", 3)]
    public void ReadInt64_NumberStringOrQuotedString_Parses(string metadata, long expected)
    {
        var values = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(metadata)!;

        Assert.Equal(expected, BindingValue.ReadInt64(values, "DequeueCount"));
    }
}
