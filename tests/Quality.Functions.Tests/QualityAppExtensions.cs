using System.Text;
using System.Text.Json.Nodes;

namespace Quality.Functions.Tests;

internal static class QualityAppExtensions
{
    /// <summary>Invokes a function as the host would and fails the test if the handler does not answer 2xx.</summary>
    public static async Task PostAsync(this QualityApp app, string function, JsonObject invocation)
    {
        using var client = app.CreateClient();
        using var response = await client.PostAsync("/" + function, new StringContent(invocation.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, $"{function}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
