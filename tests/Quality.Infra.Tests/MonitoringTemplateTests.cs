namespace Quality.Infra.Tests;

/// <summary>infra/modules/monitoring.bicep: workspace-based Application Insights that accepts Entra ID uploads only.</summary>
public sealed class MonitoringTemplateTests
{
    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void ApplicationInsights_IsWorkspaceBased_WithLocalAuthOff(string environment)
    {
        var snapshot = DeploymentSnapshot.Of(environment);
        var workspace = snapshot.Single("Microsoft.OperationalInsights/workspaces");

        var component = snapshot.Single("Microsoft.Insights/components")["properties"]!;

        Assert.Equal((string)workspace["id"]!, (string?)component["WorkspaceResourceId"]);
        Assert.True((bool)component["DisableLocalAuth"]!);
    }

    [Fact]
    public void Outputs_AreTheUrlTheStorageAccountAndTheIdentity()
    {
        var outputs = DeploymentSnapshot.Of("prod").Outputs;

        Assert.Equal(["functionAppName", "functionAppUrl", "identityClientId", "storageAccountName"], outputs.Select(o => o.Key).Order());
        Assert.StartsWith("[format('https://{0}'", (string)outputs["functionAppUrl"]!, StringComparison.Ordinal);
        Assert.Equal((string)DeploymentSnapshot.Of("prod").Single("Microsoft.Storage/storageAccounts")["name"]!, (string?)outputs["storageAccountName"]);
    }
}
