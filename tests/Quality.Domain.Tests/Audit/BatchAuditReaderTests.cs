using System.Collections;
using Quality.Domain.Agreement;
using Quality.Domain.Annotations;
using Quality.Domain.Audit;
using Quality.Domain.Formats;
using Quality.Domain.Formats.Canonical;
using Quality.Domain.Formats.Manifest;
using Quality.Domain.Geometry;
using Quality.Tests.Shared;

namespace Quality.Domain.Tests.Audit;

/// <summary>
/// <see cref="BatchAuditReader.AddItemsAsync(IAsyncEnumerable{IReadOnlyList{Annotation}}, string, BatchAudit, CancellationToken)"/>
/// audits one batch on the thread pool while it reads the next: the audit, its evidence and its errors must be those of
/// the items added one after another, and nothing may reach the audit after the call has ended.
/// </summary>
public sealed class BatchAuditReaderTests
{
    [Theory]
    [InlineData(1)] // every item a batch of its own: as many batches in flight as there can be
    [InlineData(500)]
    [InlineData(1_000_000)] // one batch: the last, audited on the caller's thread
    public async Task AddItemsAsync_GeneratedDeliveryInBatches_SameAsOneItemAfterAnother(int batchAnnotations)
    {
        var byItem = await ItemsAsync(300);
        var (sequential, sequentialEvidence) = Audit();
        byItem.ForEach(item => sequential.AddItem("d.jsonl", item));
        var (pipelined, pipelinedEvidence) = Audit();

        await BatchAuditReader.AddItemsAsync(Yield(byItem), "d.jsonl", pipelined, batchAnnotations, CancellationToken.None);

        // 300 frames of 5 gold objects, each redrawn by 3 annotators (one missed at 5%): over 5,000 annotations.
        Assert.Equal((300L, byItem.Sum(i => (long)i.Count)), (pipelined.Items, pipelined.Annotations));
        Assert.InRange(pipelined.Annotations, 5_000, 6_000);
        Assert.Equal(ReportJson.Serialize(sequential.ToState()), ReportJson.Serialize(pipelined.ToState()));
        Assert.True(sequentialEvidence.Count > 4_000);
        Assert.Equal(ReportJson.Serialize(sequentialEvidence), ReportJson.Serialize(pipelinedEvidence));
    }

    [Fact]
    public async Task AddItemsAsync_BadItemInAnEarlyBatch_ThrowsItsErrorAndStopsReading()
    {
        // Batches of one item: item 3's audit fails (a field tagged twice) while later items are read.
        var items = Enumerable.Range(0, 200).Select(i => (IReadOnlyList<Annotation>)(i == 3
            ? [Tag(i, "a", "fog", line: 100 + i), Tag(i, "a", "rain", line: 1_000 + i)]
            : [Tag(i, "a", "fog", line: 100 + i), Tag(i, "b", "fog", line: 1_000 + i)])).ToList();
        var read = 0;

        var error = await Assert.ThrowsAsync<DeliveryFormatException>(() =>
            BatchAuditReader.AddItemsAsync(Yield(items, onEach: () => read++), "d.jsonl", new BatchAudit(), 1, CancellationToken.None));

        Assert.Equal(("d.jsonl", 1_003L, "field"), (error.File, error.Line, error.Field));
        // The error is met when the next batch is handed over: at most one batch read past the bad one.
        Assert.InRange(read, 4, 6);
    }

    [Fact]
    public async Task AddItemsAsync_ReadingFailsWhileABatchIsAudited_WaitsForThatBatchBeforeThrowing()
    {
        var byItem = await ItemsAsync(40);
        var evidence = new SlowEvidence();
        var audit = new BatchAudit(new SpatialOptions { CuboidMode = CuboidIouMode.BirdsEyeView }, evidence);

        // Batches of about 100 annotations, audited slowly (a millisecond per evidence row); the reading fails after the
        // last item, while the batch before it is being audited.
        await Assert.ThrowsAsync<ItemOrderException>(() => BatchAuditReader.AddItemsAsync(
            Yield(byItem, thenThrow: new ItemOrderException("file 2 came back")), "d.jsonl", audit, batchAnnotations: 100, CancellationToken.None));
        var (added, audited) = (evidence.Count, audit.Items);
        await Task.Delay(300);

        // Nothing reached the audit after the call: the batches it started were finished, the one being read was dropped.
        Assert.InRange(audited, 1, byItem.Count - 1);
        Assert.True(added > 0);
        Assert.Equal((added, audited), (evidence.Count, audit.Items));
        Assert.False(evidence.Adding);
    }

    private static (BatchAudit Audit, List<EvidencePair> Evidence) Audit()
    {
        var evidence = new List<EvidencePair>();
        return (new BatchAudit(new SpatialOptions { CuboidMode = CuboidIouMode.BirdsEyeView }, evidence), evidence);
    }

    private static async Task<List<List<Annotation>>> ItemsAsync(int items)
    {
        var delivery = ObjectDeliveryGenerator.Generate(seed: 9, $"d-{items}", items: items, annotators: 3, baseErrorRate: 0.05,
            injections: [new ObjectDeliveryGenerator.Injection("cyclist", "pedestrian", 0.3, ["ann-02"])]);
        using var reader = new CanonicalDeliveryReader(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(delivery)), "d.jsonl");
        await reader.ReadHeaderAsync(CancellationToken.None);
        var byItem = new Dictionary<string, List<Annotation>>(StringComparer.Ordinal);
        while (await reader.ReadAnnotationAsync(CancellationToken.None) is { } annotation)
        {
            if (!byItem.TryGetValue(annotation.Item, out var annotations))
            {
                byItem[annotation.Item] = annotations = [];
            }

            annotations.Add(annotation);
        }

        return [.. byItem.Values];
    }

    private static async IAsyncEnumerable<IReadOnlyList<Annotation>> Yield<T>(IEnumerable<T> items, Action? onEach = null, Exception? thenThrow = null)
        where T : IReadOnlyList<Annotation>
    {
        foreach (var item in items)
        {
            await Task.Yield();
            onEach?.Invoke();
            yield return item;
        }

        if (thenThrow is not null)
        {
            throw thenThrow;
        }
    }

    private static Annotation Tag(int item, string annotator, string label, long line) =>
        new($"f-{item}", annotator, AnnotatorRole.Annotator, "weather", label, line);

    /// <summary>Evidence that takes a millisecond a row, and says whether a row is being added.</summary>
    private sealed class SlowEvidence : ICollection<EvidencePair>
    {
        private int _count;
        private volatile bool _adding;

        public bool Adding => _adding;

        public int Count => Volatile.Read(ref _count);

        public bool IsReadOnly => false;

        public void Add(EvidencePair item)
        {
            _adding = true;
            Thread.Sleep(1);
            Interlocked.Increment(ref _count);
            _adding = false;
        }

        public void Clear() => throw new NotSupportedException();

        public bool Contains(EvidencePair item) => throw new NotSupportedException();

        public void CopyTo(EvidencePair[] array, int arrayIndex) => throw new NotSupportedException();

        public bool Remove(EvidencePair item) => throw new NotSupportedException();

        public IEnumerator<EvidencePair> GetEnumerator() => throw new NotSupportedException();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
