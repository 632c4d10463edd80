using Microsoft.Playwright;

namespace Quality.Functions.Tests.Browser;

/// <summary>What went wrong while a page was shown: console errors, uncaught exceptions, requests that failed or answered 4xx/5xx.</summary>
internal sealed class PageProblems
{
    private readonly List<string> _problems = [];

    public PageProblems(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _problems.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => _problems.Add($"page error: {error}");
        page.RequestFailed += (_, request) => _problems.Add($"request failed: {request.Method} {request.Url} ({request.Failure})");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Add($"{response.Status} for {response.Request.Method} {response.Url}");
            }
        };
    }

    public IReadOnlyList<string> All => _problems;
}
