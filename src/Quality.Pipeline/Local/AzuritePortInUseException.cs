namespace Quality.Pipeline.Local;

/// <summary>One of Azurite's ports is taken (EADDRINUSE), most often by an Azurite that is already running.</summary>
public sealed class AzuritePortInUseException : AzuriteException
{
    public AzuritePortInUseException()
    {
    }

    public AzuritePortInUseException(string message)
        : base(message)
    {
    }

    public AzuritePortInUseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public AzuritePortInUseException(int port)
        : base($"Port {port} is in use, so Azurite cannot listen on it.")
    {
        Port = port;
    }

    public int Port { get; }
}
