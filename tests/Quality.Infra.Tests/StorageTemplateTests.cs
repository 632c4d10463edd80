namespace Quality.Infra.Tests;

/// <summary>infra/modules/storage.bicep: an account reached with Entra ID only, keeping deliveries as evidence.</summary>
public sealed class StorageTemplateTests
{
    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void Account_RefusesKeysPublicAccessAndOldTls(string environment)
    {
        var account = DeploymentSnapshot.Of(environment).Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)account["allowSharedKeyAccess"]!);
        Assert.True((bool)account["defaultToOAuthAuthentication"]!);
        Assert.False((bool)account["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)account["minimumTlsVersion"]);
        Assert.True((bool)account["supportsHttpsTrafficOnly"]!);
    }

    [Theory]
    [MemberData(nameof(DeploymentSnapshot.Environments), MemberType = typeof(DeploymentSnapshot))]
    public void BlobService_KeepsVersionsAndDeletedBlobsAndContainers(string environment)
    {
        var blobs = DeploymentSnapshot.Of(environment).Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!;

        Assert.True((bool)blobs["isVersioningEnabled"]!);
        Assert.True((bool)blobs["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((int)blobs["deleteRetentionPolicy"]!["days"]! >= 7);
        Assert.True((bool)blobs["containerDeleteRetentionPolicy"]!["enabled"]!);
    }

    [Fact]
    public void Production_KeepsDeletedDeliveriesLongerThanDevelopment()
    {
        static int Days(string environment) => (int)DeploymentSnapshot.Of(environment)
            .Single("Microsoft.Storage/storageAccounts/blobServices")["properties"]!["deleteRetentionPolicy"]!["days"]!;

        Assert.True(Days("prod") > Days("dev"));
        Assert.Equal("Standard_ZRS", (string?)DeploymentSnapshot.Of("prod").Single("Microsoft.Storage/storageAccounts")["sku"]!["name"]);
    }

    [Fact]
    public void Containers_AreTheAppsAndPrivate()
    {
        var containers = DeploymentSnapshot.Of("dev").OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();

        Assert.Equal(
            ["incoming", "work", "reports", "quarantine", "taxonomies", "standards", "app-package", "eventgrid-deadletter"],
            containers.Select(c => ((string)c["name"]!).Split('/')[^1]));
        Assert.All(containers, c => Assert.Equal("None", (string?)c["properties"]!["publicAccess"]));
    }

    [Fact]
    public void Tables_AreTheApps()
    {
        var tables = DeploymentSnapshot.Of("dev").OfType("Microsoft.Storage/storageAccounts/tableServices/tables");

        Assert.Equal(
            ["runs", "batches", "rollups", "series", "findings", "inspection", "auditlog"],
            tables.Select(t => ((string)t["name"]!).Split('/')[^1]));
    }

    [Fact]
    public void Lifecycle_ExpiresOnlyScratchVersions_NeverDeliveriesOrQuarantine()
    {
        var rules = DeploymentSnapshot.Of("prod").Single("Microsoft.Storage/storageAccounts/managementPolicies")["properties"]!["policy"]!["rules"]!.AsArray();

        var prefixes = rules.SelectMany(r => r!["definition"]!["filters"]!["prefixMatch"]!.AsArray().Select(p => (string)p!)).ToList();
        Assert.NotEmpty(prefixes);
        foreach (var evidence in new[] { "incoming", "quarantine", "taxonomies", "standards" })
        {
            Assert.DoesNotContain(prefixes, p => evidence.StartsWith(p, StringComparison.Ordinal) || p.StartsWith(evidence, StringComparison.Ordinal));
        }

        Assert.All(rules, r => Assert.Null(r!["definition"]!["actions"]!["baseBlob"]));
    }
}
