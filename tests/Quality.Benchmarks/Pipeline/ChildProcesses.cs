using System.Diagnostics;
using System.Globalization;

namespace Quality.Benchmarks.Pipeline;

/// <summary>
/// This process's children found by a word of their command line, from <c>/proc</c> (Linux): the shared Azurite, which
/// the tests' helper starts without handing out its process. A name lookup (<c>node</c>) would also find other work on
/// a shared machine; the parent's id makes it exact.
/// </summary>
internal static class ChildProcesses
{
    /// <summary>Ids of this process's children whose command line contains <paramref name="argument"/>.</summary>
    public static IReadOnlySet<int> Find(string argument)
    {
        if (!Directory.Exists("/proc/self"))
        {
            throw new PlatformNotSupportedException("Finding a child process reads /proc (Linux).");
        }

        var found = new HashSet<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ParentOf(directory) == Environment.ProcessId
                && CommandLine(directory).Contains(argument, StringComparison.Ordinal))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    private static int ParentOf(string directory)
    {
        try
        {
            // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
            var stat = File.ReadAllText(Path.Combine(directory, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1; // exited while listed
        }
        catch (UnauthorizedAccessException)
        {
            return -1;
        }
    }

    private static string CommandLine(string directory)
    {
        try
        {
            return File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
    }
}
