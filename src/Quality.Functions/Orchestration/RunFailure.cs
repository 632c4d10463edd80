using System.Text.RegularExpressions;

namespace Quality.Functions.Orchestration;

/// <summary>
/// The FailRun activity's input: the run that could not finish, the step that gave up and the last error it saw. The
/// error goes whole to the log; the batch's reason, which callers read, names the step and the kind of error (with the
/// storage error code, when there is one) and the correlation id under which the log holds the rest — an exception's
/// message can name accounts, URLs and internals, and never reaches a caller.
/// </summary>
internal sealed partial record RunFailure(string RunId, string Step, string ErrorType, string ErrorMessage, string? StackTrace)
{
    public string Reason
    {
        get
        {
            var kind = ErrorType[(ErrorType.LastIndexOf('.') + 1)..];
            var code = StorageErrorCode().Match(ErrorMessage) is { Success: true } match ? " " + match.Groups[1].Value : "";
            return $"{Step} failed on every retry: {kind}{code}. The whole error is logged under correlation id {RunId}.";
        }
    }

    /// <summary>Azure SDK's <c>RequestFailedException</c> message carries the service's error code on a line of its own.</summary>
    [GeneratedRegex(@"ErrorCode: (\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex StorageErrorCode();
}
