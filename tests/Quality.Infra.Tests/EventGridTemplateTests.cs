using System.Text.Json.Nodes;

namespace Quality.Infra.Tests;

/// <summary>infra/modules/eventGrid.bicep and blobCreatedSubscription.bicep: BlobCreated under incoming/ reaches the
/// blob trigger's webhook, in the second stage only.</summary>
public sealed class EventGridTemplateTests
{
    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void FirstStage_CreatesTheTopicButNoSubscription(string environment)
    {
        var snapshot = DeploymentSnapshot.Of(environment);

        var topic = snapshot.Single("Microsoft.EventGrid/systemTopics");
        Assert.Equal((string)snapshot.Single("Microsoft.Storage/storageAccounts")["id"]!, (string?)topic["properties"]!["source"]);
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
        Assert.Empty(snapshot.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"));
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void SecondStage_SubscribesToBlobCreatedUnderIncomingOnly(string environment)
    {
        var filter = Subscription(environment)["filter"]!;

        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter["includedEventTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("/blobServices/default/containers/incoming/", (string?)filter["subjectBeginsWith"]);
        Assert.Null(filter["subjectEndsWith"]);
        Assert.Null(filter["advancedFilters"]);
    }

    [Fact]
    public void SecondStage_DeliversToTheBlobExtensionWebhookWithItsSystemKey()
    {
        var snapshot = DeploymentSnapshot.Of("prod", secondStage: true);
        var siteId = (string)snapshot.Single("Microsoft.Web/sites")["id"]!;
        var destination = Subscription("prod")["destination"]!;

        Assert.Equal("WebHook", (string?)destination["endpointType"]);
        var url = (string)destination["properties"]!["endpointUrl"]!;
        Assert.StartsWith("[format('https://{0}/runtime/webhooks/blobs?functionName={1}&code={2}'", url, StringComparison.Ordinal);
        Assert.Contains("'Host.Functions.OnBatchArrived'", url, StringComparison.Ordinal);
        Assert.Contains($"listKeys('{siteId}/host/default', '2025-03-01').systemKeys.blobs_extension", url, StringComparison.Ordinal);
    }

    [Fact]
    public void SecondStage_DeadLettersWithTheTopicsIdentity_IntoItsContainer()
    {
        var subscription = Subscription("prod");
        var deadLetter = subscription["deadLetterWithResourceIdentity"]!;

        Assert.Equal("SystemAssigned", (string?)deadLetter["identity"]!["type"]);
        Assert.Equal("StorageBlob", (string?)deadLetter["deadLetterDestination"]!["endpointType"]);
        Assert.Equal("eventgrid-deadletter", (string?)deadLetter["deadLetterDestination"]!["properties"]!["blobContainerName"]);
        Assert.Null(subscription["deadLetterDestination"]);
    }

    private static JsonNode Subscription(string environment) =>
        DeploymentSnapshot.Of(environment, secondStage: true).Single("Microsoft.EventGrid/systemTopics/eventSubscriptions")["properties"]!;
}
