using Quality.Functions;

var builder = WebApplication.CreateBuilder(args);
await using var azurite = await builder.AddQualityHostAsync();
var app = builder.Build();
await app.MapQualityAsync();
await app.RunAsync();

/// <summary>The custom handler's entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
