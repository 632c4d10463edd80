using System.Text.Json.Nodes;
using Quality.Tests.Shared;

namespace Quality.Infra.Tests;

/// <summary>infra/app-roles.json, given to <c>az ad app create --app-roles</c>: the roles the app's route table
/// checks, with ids fixed so role assignments can be scripted.</summary>
public sealed class AppRegistrationTests
{
    [Fact]
    public void AppRoles_AreTheThreeRolesTheAppChecks_ForPeopleAndTools()
    {
        var roles = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraTemplate.Directory, "app-roles.json")))!.AsArray();

        Assert.Equal(["quality.reader", "quality.reviewer", "quality.admin"], roles.Select(r => (string)r!["value"]!));
        Assert.All(roles, r =>
        {
            Assert.True(Guid.TryParse((string?)r!["id"], out _));
            Assert.True((bool)r["isEnabled"]!);
            Assert.Equal(["User", "Application"], r["allowedMemberTypes"]!.AsArray().Select(t => (string)t!));
        });
        Assert.Equal(3, roles.Select(r => (string)r!["id"]!).Distinct().Count());

        var routeRoles = File.ReadAllText(Path.Combine(Repository.Root, "src", "Quality.Functions", "Access", "QualityRoles.cs"));
        Assert.All(roles, r => Assert.Contains($"\"{(string)r!["value"]!}\"", routeRoles, StringComparison.Ordinal));
    }

    [Fact]
    public void Api_PreauthorizesTheAzureCliForItsOneScope()
    {
        var api = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraTemplate.Directory, "app-api.json")))!["api"]!;
        var preauthorized = JsonNode.Parse(File.ReadAllText(Path.Combine(InfraTemplate.Directory, "app-preauthorized.json")))!["api"]!;

        Assert.Equal(2, (int)api["requestedAccessTokenVersion"]!);
        var scope = Assert.Single(api["oauth2PermissionScopes"]!.AsArray());
        var client = Assert.Single(preauthorized["preAuthorizedApplications"]!.AsArray());
        Assert.Equal([(string)scope!["id"]!], client!["delegatedPermissionIds"]!.AsArray().Select(i => (string)i!));
    }
}
