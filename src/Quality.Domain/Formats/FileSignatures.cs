namespace Quality.Domain.Formats;

/// <summary>
/// What a file that is no annotation format is instead, from its first bytes: archives, compressed files and text in
/// another encoding are the usual wrong files a vendor sends. Each problem is one sentence that names the fix.
/// </summary>
public static class FileSignatures
{
    /// <summary>The problem with a file starting with <paramref name="head"/>, or null when it is none of these.</summary>
    public static string? Problem(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8))
        {
            return head.IndexOf("xl/"u8) >= 0
                ? "is an Excel workbook (.xlsx, a zip archive), not a table; save the sheet as 'CSV UTF-8 (Comma delimited)' and deliver that file"
                : "is a zip archive; unzip it and deliver its files (a folder with a manifest.json, or quality submit FOLDER, which writes one)";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B]))
        {
            return "is gzip-compressed; decompress it (gunzip) and deliver the file itself";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "is UTF-16 text (what Excel saves as 'Unicode Text'); save it as UTF-8 ('CSV UTF-8 (Comma delimited)' in Excel)";
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            return "is an Excel 97-2003 workbook (.xls), not a table; save the sheet as 'CSV UTF-8 (Comma delimited)' and deliver that file";
        }

        return null;
    }
}
