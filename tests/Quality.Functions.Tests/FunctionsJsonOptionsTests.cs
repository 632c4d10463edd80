using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quality.Domain.Audit;

namespace Quality.Functions.Tests;

/// <summary>What <c>TypedResults.Ok</c> writes follows the conventions of every JSON answer (<see cref="ReportJson"/>).</summary>
public sealed class FunctionsJsonOptionsTests
{
    [Fact]
    public void AddQualityFunctions_HttpJson_WritesTextDatesAndNumbersAsReportJson()
    {
        using var services = new ServiceCollection().AddQualityFunctions(new ConfigurationBuilder().Build()).BuildServiceProvider();
        var options = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var value = new { pipeline = "Fußgänger-行人", createdTime = new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.Zero), alpha = 113.0 / 152 };

        var json = JsonSerializer.Serialize(value, options);

        Assert.Equal("""{"pipeline":"Fußgänger-行人","createdTime":"2026-11-25T08:30:00Z","alpha":0.743421052631579}""", json);
        Assert.Throws<ArgumentException>(() => JsonSerializer.Serialize(new { alpha = double.NaN }, options));
    }
}
