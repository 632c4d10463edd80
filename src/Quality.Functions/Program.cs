using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Quality.Functions;
using Quality.Functions.Http;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<HttpFunctionMiddleware>();
builder.Services.AddQualityFunctions(builder.Configuration);
builder.Services.AddQualityTelemetry(builder.Configuration);
await builder.Build().RunAsync();
