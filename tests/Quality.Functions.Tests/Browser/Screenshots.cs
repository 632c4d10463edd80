using Microsoft.Playwright;
using Quality.Tests.Shared;

namespace Quality.Functions.Tests.Browser;

/// <summary>
/// Screenshots the browser tests save as test artifacts, in <c>test-artifacts/browser/</c> at the repository's root
/// (ignored by git). docs/images/ holds copies made by hand from a run: they carry the day's dates, so writing them
/// there on every run would change the tree every time.
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Path.Combine(Repository.Root, "test-artifacts", "browser");

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
