using System.Buffers;
using System.Runtime.CompilerServices;

namespace Quality.Domain.Formats.JsonLines;

/// <summary>
/// Splits a UTF-8 stream into lines without holding more than the longest line in memory.
/// A line is valid until the next call; blank lines are skipped; a trailing '\r' is dropped (Windows line ends), and so
/// is a UTF-8 byte order mark before the first line (both say nothing else than what the bytes mean). A file that is
/// an archive, compressed or UTF-16 is refused on its first line, saying so (<see cref="FileSignatures"/>).
/// </summary>
public sealed class JsonLinesReader : IDisposable
{
    /// <summary>The longest line accepted; a longer one is a format error, not an out-of-memory.</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    private readonly Stream _stream;
    private readonly string _file;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    public JsonLinesReader(Stream stream, string file, int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrEmpty(file);
        _stream = stream;
        _file = file;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed so far, for progress and byte offsets in errors.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Returns the next non-blank line, or <c>null</c> at the end of the stream.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        // Most lines are already in the buffer: take them without an async state machine per line.
        try
        {
            while (TakeBufferedLine(_start) is { } line)
            {
                if (Accept(ref line))
                {
                    return new(line);
                }
            }
        }
        catch (DeliveryFormatException ex)
        {
            return ValueTask.FromException<ReadOnlyMemory<byte>?>(ex);
        }

        return ReadLineFromStreamAsync(cancellationToken);
    }

    private async ValueTask<ReadOnlyMemory<byte>?> ReadLineFromStreamAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await ReadRawLineAsync(cancellationToken) is not { } line)
            {
                return null;
            }

            if (Accept(ref line))
            {
                return line;
            }
        }
    }

    /// <summary>Counts the line, the first without its byte order mark; false for a blank one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Accept(ref ReadOnlyMemory<byte> line)
    {
        LineNumber++;
        if (LineNumber == 1)
        {
            // Nothing is consumed before the first line: the buffer holds the file's start, which says more than one line.
            CheckSignature(_buffer.AsSpan(0, Math.Min(_end, AnnotationFormats.HeadBytes)));
            if (line.Span.StartsWith(Utf8Bom))
            {
                line = line[Utf8Bom.Length..];
            }
        }

        return !IsBlank(line.Span);
    }

    /// <exception cref="DeliveryFormatException">The file is an archive, compressed or UTF-16: names what it is and what to do.</exception>
    private void CheckSignature(ReadOnlySpan<byte> start)
    {
        if (FileSignatures.Problem(start) is { } problem)
        {
            throw new DeliveryFormatException(_file, 0, null, problem);
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private async ValueTask<ReadOnlyMemory<byte>?> ReadRawLineAsync(CancellationToken cancellationToken)
    {
        var scanFrom = _start;
        while (true)
        {
            if (TakeBufferedLine(scanFrom) is { } line)
            {
                return line;
            }

            CheckLength(_buffer.AsSpan(_start, _end - _start));
            if (_eof)
            {
                if (_end == _start)
                {
                    return null;
                }

                var last = TrimCarriageReturn(_buffer.AsMemory(_start, _end - _start));
                BytesRead += _end - _start;
                _start = _end;
                return last;
            }

            scanFrom = _end - _start;
            MakeRoom();
            scanFrom += _start;
            var read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
            if (read == 0)
            {
                _eof = true;
            }

            _end += read;
        }
    }

    /// <summary>The next line if the buffer holds all of it (its '\n' at or after <paramref name="scanFrom"/>), else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlyMemory<byte>? TakeBufferedLine(int scanFrom)
    {
        var newline = Array.IndexOf(_buffer, (byte)'\n', scanFrom, _end - scanFrom);
        if (newline < 0)
        {
            return null;
        }

        var length = newline - _start;
        var line = TrimCarriageReturn(_buffer.AsMemory(_start, length));
        CheckLength(line.Span);
        BytesRead += length + 1;
        _start = newline + 1;
        return line;
    }

    /// <param name="line">The line so far: a first line too long may be a binary file, which says more than its length.</param>
    private void CheckLength(ReadOnlySpan<byte> line)
    {
        if (line.Length > _maxLineBytes)
        {
            if (LineNumber == 0)
            {
                CheckSignature(line);
            }

            throw new DeliveryFormatException(_file, LineNumber + 1, null,
                $"line is longer than {_maxLineBytes} bytes (starts at byte offset {BytesRead})");
        }
    }

    private void MakeRoom()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_end == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;

    private static bool IsBlank(ReadOnlySpan<byte> line)
    {
        foreach (var b in line)
        {
            if (b is not ((byte)' ' or (byte)'\t'))
            {
                return false;
            }
        }

        return true;
    }
}
