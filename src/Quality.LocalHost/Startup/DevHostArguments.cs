using System.Globalization;

namespace Quality.LocalHost.Startup;

/// <summary>
/// The dev host's own switches, read before ASP.NET Core sees the command line (whose <c>--key value</c> pairs would take
/// a flag's next argument as its value): <c>--in-memory</c>, <c>--azurite-ports</c> and <c>--help</c>. Everything else,
/// <c>--urls</c> and any <c>--Section:Key value</c>, is passed on as configuration.
/// </summary>
internal sealed record DevHostArguments(IReadOnlyList<string> Remaining, IReadOnlyDictionary<string, string?> Settings, bool Help)
{
    public const string Usage = """
        Usage: dotnet run --project src/Quality.LocalHost [-- options]

          --in-memory            keep Azurite's data in memory, gone when the host stops
                                 (by default it is kept in .quality/azurite at the repository's root)
          --azurite-ports PORT   start Azurite on PORT, PORT+1 and PORT+2 (blob, queue, table) instead of 10000-10002
          --urls URL             listen on URL instead of http://localhost:7071
          --Section:Key VALUE    any configuration key of the README's Configuration table
          --help                 print this

        With AzureWebJobsStorage (or Storage:ConnectionString) set, no Azurite is started: the host uses that account.

        """;

    public static bool TryParse(IReadOnlyList<string> args, out DevHostArguments parsed, out string problem)
    {
        ArgumentNullException.ThrowIfNull(args);
        var remaining = new List<string>();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var help = false;
        parsed = new DevHostArguments(remaining, settings, false);
        problem = "";
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inline) = Split(args[i]);
            switch (name)
            {
                case "--help" or "-h" or "-?":
                    help = true;
                    break;
                case "--in-memory":
                    settings["Azurite:InMemory"] = "true";
                    break;
                case "--azurite-ports":
                    var value = inline ?? (i + 1 < args.Count ? args[++i] : null);
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65533)
                    {
                        problem = $"--azurite-ports needs the first of three free ports (blob, queue, table), such as 20000, or 0 to let the system choose; not '{value}'.";
                        return false;
                    }

                    settings["Azurite:BlobPort"] = port.ToString(CultureInfo.InvariantCulture);
                    settings["Azurite:QueuePort"] = (port == 0 ? 0 : port + 1).ToString(CultureInfo.InvariantCulture);
                    settings["Azurite:TablePort"] = (port == 0 ? 0 : port + 2).ToString(CultureInfo.InvariantCulture);
                    break;
                default:
                    remaining.Add(args[i]);
                    break;
            }
        }

        parsed = new DevHostArguments(remaining, settings, help);
        return true;
    }

    private static (string Name, string? Inline) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (argument[..equals], argument[(equals + 1)..]) : (argument, null);
    }
}
