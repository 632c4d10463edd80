using System.Globalization;
using Quality.Tests.Shared;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// The dev hosts' warnings and errors (they log at Warning and above) after a measurement: counted by category and
/// event with the first line of the message, and kept whole in files, because a slow repeat is explained by them
/// (abandoned messages, retries), not by its timing alone.
/// </summary>
internal static class HostLogs
{
    public static void Summarize(IReadOnlyList<HostProcess> hosts, string name)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        for (var h = 0; h < hosts.Count; h++)
        {
            var lines = hosts[h].Output.Split('\n');
            var entries = lines
                .Select((line, i) => (line, i))
                .Where(e => e.line.StartsWith("warn:", StringComparison.Ordinal) || e.line.StartsWith("fail:", StringComparison.Ordinal))
                .Select(e => $"{e.line.Trim()} {Shorten(e.i + 1 < lines.Length ? lines[e.i + 1].Trim() : "")}")
                .ToList();
            if (entries.Count == 0)
            {
                continue;
            }

            var file = Path.Combine(Path.GetTempPath(), $"{name}-host-{h}.log");
            File.WriteAllText(file, hosts[h].Output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    host-{h}: {entries.Count} warnings/errors (all output in {file}):"));
            foreach (var group in entries.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(8))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"      {group.Count()} x {group.Key}"));
            }
        }
    }

    /// <summary>The message without what differs per occurrence (instance ids, times): the first 140 characters after any id.</summary>
    private static string Shorten(string message)
    {
        var colon = message.IndexOf(": ", StringComparison.Ordinal);
        var text = colon is > 0 and < 40 ? message[(colon + 2)..] : message;
        return text.Length > 140 ? text[..140] + "…" : text;
    }
}
