using Quality.Functions;
using Quality.LocalHost;
using Quality.LocalHost.Storage;

var builder = WebApplication.CreateBuilder(args);
await using var azurite = await LocalStorage.StartUnlessConfiguredAsync(builder.Configuration, CancellationToken.None);
builder.Services.AddQualityFunctions(builder.Configuration);
builder.AddFunctionsHost();
var app = builder.Build();
app.MapFunctions();
await app.RunAsync();
