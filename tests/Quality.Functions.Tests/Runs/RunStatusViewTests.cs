using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Quality.Functions.Runs;
using Quality.Pipeline.Runs;

namespace Quality.Functions.Tests.Runs;

/// <summary>How /api/runs/{id} reads a run and its orchestration together.</summary>
public sealed class RunStatusViewTests
{
    private static readonly DateTimeOffset Created = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void From_AuditRunning_NotEndedAndTheBatchAsIs()
    {
        var view = RunStatusView.From(Run(RunStatus.Running), Instance(OrchestrationRuntimeStatus.Running));

        Assert.False(view.HasEnded);
        Assert.Equal(("Running", "Running", null), (view.RuntimeStatus, view.BatchStatus, view.Output));
    }

    [Fact]
    public void From_RejectedOnArrival_EndedWithoutAnInstance()
    {
        var view = RunStatusView.From(Run(RunStatus.Rejected) with { Reason = "line 1: bad header" }, null);

        Assert.True(view.HasEnded);
        Assert.Equal((null, "Rejected", "line 1: bad header"), (view.RuntimeStatus, view.BatchStatus, view.Reason));
        Assert.Equal("/api/batches/0123456789abcdef0123456789abcdef", view.Output);
    }

    [Fact]
    public void From_ListedButNotStarted_NotEnded()
    {
        Assert.False(RunStatusView.From(Run(RunStatus.Pending), null).HasEnded);
    }

    [Fact]
    public void From_AuditFailedWithoutRecordingIt_TheBatchIsReportedFailedWithTheAuditsError()
    {
        var instance = Instance(OrchestrationRuntimeStatus.Failed,
            new TaskFailureDetails("System.InvalidOperationException", "storage unreachable", null, null, null));

        var view = RunStatusView.From(Run(RunStatus.Running), instance);

        Assert.True(view.HasEnded);
        Assert.Equal(("Failed", "Failed"), (view.RuntimeStatus, view.BatchStatus));
        Assert.Equal("The audit ended Failed without finishing the batch: storage unreachable", view.Reason);
    }

    private static Run Run(RunStatus status) => new()
    {
        Id = "0123456789abcdef0123456789abcdef",
        BlobName = "p/v/d.jsonl",
        BlobETag = "\"0x1\"",
        ContentKey = "md5:x",
        Status = status,
        CreatedTime = Created,
        LastUpdatedTime = Created,
    };

    private static OrchestrationMetadata Instance(OrchestrationRuntimeStatus status, TaskFailureDetails? failure = null) =>
        new("AuditBatch", "0123456789abcdef0123456789abcdef")
        {
            RuntimeStatus = status,
            CreatedAt = Created,
            LastUpdatedAt = Created,
            FailureDetails = failure,
        };
}
