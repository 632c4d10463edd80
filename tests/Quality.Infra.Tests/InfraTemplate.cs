using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Infra.Tests;

/// <summary>
/// infra/main.bicep compiled to an ARM template by the Bicep CLI (once per test run), and what other tests need from
/// it: <see cref="AppSettingNames"/> is what the settings-parity test compares with the configuration keys the code
/// binds.
/// </summary>
public static class InfraTemplate
{
    private static readonly Lazy<JsonObject> CompiledTemplate = new(Compile);

    /// <summary>The checkout's infra/ folder.</summary>
    public static string Directory => Path.Combine(Repository.Root, "infra");

    /// <summary>The names of the app settings the template sets on the Function App, in template order.</summary>
    public static IReadOnlyList<string> AppSettingNames() =>
        AppSettings(Compiled).Select(s => (string)s["name"]!).ToList();

    internal static JsonObject Compiled => CompiledTemplate.Value;

    /// <summary>The <c>siteConfig.appSettings</c> entries of the one Function App the template creates.</summary>
    internal static IReadOnlyList<JsonObject> AppSettings(JsonObject template) =>
        Resources(template).Single(r => (string?)r["type"] == "Microsoft.Web/sites")["properties"]!["siteConfig"]!["appSettings"]!
            .AsArray().Select(s => s!.AsObject()).ToList();

    /// <summary>
    /// Every resource the template creates, nested deployments (modules) included, existing resources excluded.
    /// Templates with user-defined types (language version 2.0) keep resources in an object keyed by symbolic name.
    /// </summary>
    internal static IEnumerable<JsonObject> Resources(JsonObject template)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.Select(r => r!.AsObject()),
            JsonObject byName => byName.Select(p => p.Value!.AsObject()),
            _ => [],
        };
        foreach (var resource in resources.Where(r => r["existing"]?.GetValue<bool>() != true))
        {
            yield return resource;
            if ((string?)resource["type"] == "Microsoft.Resources/deployments")
            {
                foreach (var nested in Resources(resource["properties"]!["template"]!.AsObject()))
                {
                    yield return nested;
                }
            }
        }
    }

    private static JsonObject Compile()
    {
        var run = BicepCli.Run(Directory, environment: null, "build", "main.bicep", "--stdout", "--no-restore");
        // Warnings are TemplateBuildTests' to report; here only a failed build stops the tests that read the template.
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException(run.ToString());
        }

        return JsonNode.Parse(run.Output)!.AsObject();
    }
}
