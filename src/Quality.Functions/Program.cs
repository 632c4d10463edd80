using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using Quality.Functions;
using Quality.Functions.Access;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<AccessMiddleware>();
builder.Services.AddQualityFunctions(builder.Configuration);
await builder.Build().RunAsync();
