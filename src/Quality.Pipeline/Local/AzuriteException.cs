namespace Quality.Pipeline.Local;

/// <summary>Azurite could not be installed or started; the message says why and what to do, in words for the user.</summary>
public class AzuriteException : Exception
{
    public AzuriteException()
    {
    }

    public AzuriteException(string message)
        : base(message)
    {
    }

    public AzuriteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
