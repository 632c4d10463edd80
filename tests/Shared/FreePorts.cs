using System.Net;
using System.Net.Sockets;

namespace Quality.Tests.Shared;

/// <summary>Loopback ports no process listens on right now, for a process a test starts (it binds them a moment later).</summary>
internal static class FreePorts
{
    public static int One()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first of <paramref name="count"/> consecutive free ports (Azurite's blob, queue and table).</summary>
    public static int Consecutive(int count)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = One();
            if (first + count <= IPEndPoint.MaxPort && Enumerable.Range(first + 1, count - 1).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No {count} consecutive free ports found.");
    }

    private static bool IsFree(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
