using Azure.Storage.Blobs;
using Microsoft.Extensions.Time.Testing;
using Quality.LocalHost.Triggers;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Triggers;

/// <summary>Blob receipts on Azurite: one host invokes a blob version, a failure gives it back, a dead claimant's is taken over.</summary>
public sealed class BlobReceiptsTests : IAsyncLifetime
{
    private const string Etag = "\"0x8DE0123456789AB\"";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private BlobContainerClient _container = null!;

    public async Task InitializeAsync()
    {
        _container = new BlobServiceClient(await SharedAzurite.ConnectionStringAsync()).GetBlobContainerClient(TestPipeline.NewPrefix() + "-hosts");
        await _container.CreateAsync();
    }

    public async Task DisposeAsync() => await _container.DeleteIfExistsAsync();

    [Fact]
    public async Task Claim_TwoHostsAtOnce_ExactlyOneInvokes()
    {
        var hosts = Enumerable.Range(0, 8).Select(h => new BlobReceipts(_container, $"host-{h}", _time)).ToList();

        var claims = await Task.WhenAll(hosts.Select(h => h.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None)));

        Assert.Equal(1, claims.Count(c => c.State == ReceiptState.Claimed && c.Claim is not null));
        Assert.Equal(7, claims.Count(c => c.State == ReceiptState.Busy && c.Claim is null));
    }

    [Fact]
    public async Task Complete_ThenClaimedAgain_DoneForThatVersionOnly()
    {
        var a = new BlobReceipts(_container, "host-a", _time);
        var b = new BlobReceipts(_container, "host-b", _time);
        var (_, claim) = await a.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None);

        await claim!.CompleteAsync(CancellationToken.None);

        Assert.Equal(ReceiptState.Done, (await b.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None)).State);
        // A new version of the blob is a new event.
        Assert.Equal(ReceiptState.Claimed, (await b.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", "\"0x8DE0000000000001\"", CancellationToken.None)).State);
    }

    [Fact]
    public async Task Release_AfterAFailedInvocation_AnotherHostClaimsIt()
    {
        var a = new BlobReceipts(_container, "host-a", _time);
        var b = new BlobReceipts(_container, "host-b", _time);
        var (_, claim) = await a.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None);

        await claim!.ReleaseAsync(CancellationToken.None);

        Assert.Equal(ReceiptState.Claimed, (await b.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Claim_ClaimantDiedMidInvocation_TakenOverOnlyOnceStale()
    {
        var dead = new BlobReceipts(_container, "host-dead", _time);
        var b = new BlobReceipts(_container, "host-b", _time);
        var c = new BlobReceipts(_container, "host-c", _time);
        var (_, slow) = await dead.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None);

        _time.Advance(BlobReceipts.StaleAfter - TimeSpan.FromSeconds(1));
        Assert.Equal(ReceiptState.Busy, (await b.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None)).State);
        _time.Advance(TimeSpan.FromSeconds(2));
        var takeovers = await Task.WhenAll(new[] { b, c }.Select(h => h.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None)));

        Assert.Equal(1, takeovers.Count(t => t.State == ReceiptState.Claimed));
        // The first claimant was only slow: its late failure gives back nothing, and the new holder's success stands.
        await slow!.ReleaseAsync(CancellationToken.None);
        await takeovers.Single(t => t.Claim is not null).Claim!.CompleteAsync(CancellationToken.None);
        Assert.Equal(ReceiptState.Done, (await c.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None)).State);
    }

    [Fact]
    public async Task Keep_ASlowInvocation_IsNotTakenOver()
    {
        var a = new BlobReceipts(_container, "host-a", _time);
        var b = new BlobReceipts(_container, "host-b", _time);
        var (_, claim) = await a.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None);
        using var keeping = new CancellationTokenSource();
        var kept = claim!.KeepAsync(keeping.Token);

        for (var step = 0; step < 6; step++)
        {
            // A third of the stale time at a time: the claim is renewed at each, so it never goes stale.
            await WhenRenewedAsync(() => _time.Advance(BlobReceipts.StaleAfter / 3));
            Assert.Equal(ReceiptState.Busy, (await b.ClaimAsync("OnBatchArrived", "incoming", "p/v/d.jsonl", Etag, CancellationToken.None)).State);
        }

        await keeping.CancelAsync();
        await kept;
    }

    /// <summary>Advances the clock and waits until the receipt's metadata changed (the renewal ran).</summary>
    private async Task WhenRenewedAsync(Action advance)
    {
        var receipt = _container.GetBlobClient($"blobreceipts/OnBatchArrived/{Etag.Trim('"')}/incoming/p/v/d.jsonl");
        var before = (await receipt.GetPropertiesAsync()).Value.ETag;
        advance();
        await Eventually.UntilAsync(async () => (await receipt.GetPropertiesAsync()).Value.ETag != before ? "renewed" : null, "the claim's renewal", TimeSpan.FromSeconds(10));
    }
}
