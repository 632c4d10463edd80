using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Quality.Pipeline.Storage;

/// <summary>
/// The continuation token a paged list hands out: the Table service's own token, bound to the list it pages (its table
/// and partition) and sealed in base64url. A token that does not decode, or was given out by another list (another pipeline's, say), is
/// refused rather than passed to the Table service, which would answer some other page as though it were the next.
/// </summary>
public static class PageToken
{
    private const string Version = "p1";
    private const char Separator = '\n';

    /// <returns>Null when there is no next page.</returns>
    public static string? Seal(string scope, string? tableToken) =>
        tableToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join(Separator, Version, scope, tableToken)));

    /// <returns>True with the Table service's token (null for the first page), or false when the token is not one this scope's list gave out.</returns>
    public static bool TryOpen(string scope, string? token, out string? tableToken)
    {
        tableToken = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }

        if (!TryDecode(token, out var text))
        {
            return false;
        }

        var parts = text.Split(Separator);
        if (parts is not [Version, var sealedScope, var inner] || sealedScope != scope || inner.Length == 0)
        {
            return false;
        }

        tableToken = inner;
        return true;
    }

    private static bool TryDecode(string token, [NotNullWhen(true)] out string? text)
    {
        text = null;
        if (token.Length > 4096 || !Base64Url.IsValid(token))
        {
            return false;
        }

        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

/// <summary>A continuation token that is not one the list gave out.</summary>
public sealed class InvalidPageTokenException(string message) : Exception(message);
