using System.Text.Json.Nodes;

namespace Quality.Infra.Tests;

/// <summary>infra/modules/identity.bicep: the app's identity holds data roles on its storage account and the metrics
/// publisher role on its Application Insights component, and nothing else.</summary>
public sealed class IdentityTemplateTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void AppIdentity_HoldsTheStorageDataRoles_ScopedToTheAccount(string environment)
    {
        var snapshot = DeploymentSnapshot.Of(environment);
        var account = snapshot.Single("Microsoft.Storage/storageAccounts");

        var onAccount = AppIdentityAssignments(snapshot).Where(a => Scope(a) == (string)account["id"]!).ToList();

        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor }.Order(),
            onAccount.Select(RoleId).Order());
        Assert.All(onAccount, a => Assert.Equal("ServicePrincipal", (string?)a["properties"]!["principalType"]));
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void AppIdentity_PublishesMetricsToItsComponent(string environment)
    {
        var snapshot = DeploymentSnapshot.Of(environment);
        var component = snapshot.Single("Microsoft.Insights/components");

        var onComponent = Assert.Single(AppIdentityAssignments(snapshot), a => Scope(a) == (string)component["id"]!);

        Assert.Equal(MonitoringMetricsPublisher, RoleId(onComponent));
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void AppIdentity_HoldsNoOtherRole(string environment)
    {
        var assignments = AppIdentityAssignments(DeploymentSnapshot.Of(environment)).ToList();

        Assert.Equal(4, assignments.Count);
        Assert.Equal(
            new[] { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher }.Order(),
            assignments.Select(RoleId).Order());
    }

    [Fact]
    public void EventGridTopic_WritesDeadLettersToItsContainerOnly()
    {
        var snapshot = DeploymentSnapshot.Of("prod");
        var topic = snapshot.Single("Microsoft.EventGrid/systemTopics");

        var topicAssignment = Assert.Single(
            snapshot.OfType("Microsoft.Authorization/roleAssignments"),
            a => ((string)a["properties"]!["principalId"]!).Contains((string)topic["id"]!, StringComparison.Ordinal));

        Assert.Equal(StorageBlobDataContributor, RoleId(topicAssignment));
        Assert.EndsWith("/blobServices/default/containers/eventgrid-deadletter", Scope(topicAssignment), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void FunctionApp_RunsAsTheUserAssignedIdentityOnly(string environment)
    {
        var snapshot = DeploymentSnapshot.Of(environment);
        var identity = snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

        var site = snapshot.Single("Microsoft.Web/sites");

        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        Assert.Equal([(string)identity["id"]!], site["identity"]!["userAssignedIdentities"]!.AsObject().Select(p => p.Key));
    }

    /// <summary>Role assignments whose principal is the app's identity (a reference to its principalId).</summary>
    private static IEnumerable<JsonObject> AppIdentityAssignments(DeploymentSnapshot snapshot)
    {
        var identityId = (string)snapshot.Single("Microsoft.ManagedIdentity/userAssignedIdentities")["id"]!;
        return snapshot.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => ((string)a["properties"]!["principalId"]!).Contains(identityId, StringComparison.Ordinal));
    }

    private static string RoleId(JsonObject assignment) => ((string)assignment["properties"]!["roleDefinitionId"]!).Split('/')[^1];

    /// <summary>The scope of an extension resource: its id up to <c>/providers/Microsoft.Authorization/</c>.</summary>
    private static string Scope(JsonObject assignment)
    {
        var id = (string)assignment["id"]!;
        return id[..id.LastIndexOf("/providers/Microsoft.Authorization/", StringComparison.Ordinal)];
    }
}
