using Microsoft.AspNetCore.Http;
using Quality.Functions.Http;
using Quality.Pipeline.Runs;
using Quality.Pipeline.Storage;

namespace Quality.Functions.Batches;

/// <summary>The guard in front of every report of a batch: the report exists only once the batch has completed.</summary>
internal static class CompletedBatch
{
    /// <summary>A completed batch's report: 400 for a malformed id, 404 unknown, 409 while not completed, else what <paramref name="read"/> answers.</summary>
    public static Task<IResult> ReportAsync(string id, TableRunStore runs, Func<Task<IResult>> read, CancellationToken cancellationToken) =>
        ReportAsync(id, runs, _ => read(), cancellationToken);

    /// <summary>As above, handing <paramref name="read"/> the completed run the guard has already read.</summary>
    public static async Task<IResult> ReportAsync(string id, TableRunStore runs, Func<Run, Task<IResult>> read, CancellationToken cancellationToken)
    {
        if (!RunIds.IsValid(id))
        {
            return Problems.BadRequest("id", "a batch id is 32 lowercase hexadecimal digits.");
        }

        var run = await runs.GetAsync(id, cancellationToken);
        if (run is null)
        {
            return Problems.NotFound($"No batch {id}.");
        }

        return run.Status != RunStatus.Completed
            ? Problems.Conflict($"Batch {id} is {run.Status}; its reports are computed when it completes.", run.Status.ToString())
            : await read(run);
    }
}
