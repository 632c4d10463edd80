using System.Net;
using System.Net.Sockets;

namespace Quality.LocalHost.Startup;

/// <summary>
/// The addresses the host will listen on (<c>--urls</c>, else the default), checked before anything starts: a port
/// another process holds is said at once, before Azurite and the Durable worker start for nothing.
/// </summary>
internal static class ListenAddresses
{
    /// <returns>The first URL whose port is taken, or null when all are free (or cannot be checked: a host name, port 0).</returns>
    public static string? FirstInUse(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                continue; // Kestrel says what is wrong with it
            }

            if (address.Port > 0 && IpAddresses(address.Host).Any(ip => InUse(ip, address.Port)))
            {
                return url;
            }
        }

        return null;
    }

    private static IEnumerable<IPAddress> IpAddresses(string host) => host switch
    {
        "localhost" => [IPAddress.Loopback],
        "*" or "+" => [IPAddress.Any],
        _ => IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip] : [],
    };

    private static bool InUse(IPAddress ip, int port)
    {
        var listener = new TcpListener(ip, port);
        try
        {
            listener.Start();
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false; // not this machine's address, say: Kestrel says so
        }
        finally
        {
            listener.Stop();
        }
    }
}
